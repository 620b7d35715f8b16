// What a county "is like", derived from its province, type and 2020 census row. Every
// pattern in the simulated panel (crowded classes in central provinces, high spending
// in Tibet, private kindergartens in Guangdong …) is driven by these few numbers.
import type { CountyBase } from './census.ts'
import { countyRng } from './random.ts'

export type Region = 'east' | 'central' | 'west' | 'northeast'

interface ProvinceTraits {
  region: Region
  /** GDP per head, 10k yuan, rounded 2020 order of magnitude: only ranks provinces. */
  gdp: number
  /** Per-student public spending relative to the national figure. */
  spend: number
  /** Civil-servant pay relative to the national mean. */
  salary: number
}

const P = (region: Region, gdp: number, spend: number, salary: number): ProvinceTraits => ({
  region,
  gdp,
  spend,
  salary,
})

export const PROVINCE_TRAITS: Readonly<Record<string, ProvinceTraits>> = {
  '11': P('east', 16.5, 3.0, 1.75),
  '12': P('east', 10.1, 1.6, 1.3),
  '13': P('east', 4.9, 0.72, 0.85),
  '14': P('central', 5.1, 0.95, 0.9),
  '15': P('west', 7.2, 1.2, 1.0),
  '21': P('northeast', 5.9, 1.05, 0.92),
  '22': P('northeast', 5.1, 1.15, 0.9),
  '23': P('northeast', 4.3, 1.15, 0.88),
  '31': P('east', 15.6, 2.5, 1.75),
  '32': P('east', 12.1, 1.3, 1.3),
  '33': P('east', 10.1, 1.5, 1.4),
  '34': P('central', 6.3, 0.85, 0.95),
  '35': P('east', 10.6, 1.05, 1.1),
  '36': P('central', 5.7, 0.8, 0.9),
  '37': P('east', 7.2, 0.9, 1.0),
  '41': P('central', 5.5, 0.6, 0.82),
  '42': P('central', 7.4, 0.85, 0.95),
  '43': P('central', 6.3, 0.78, 0.92),
  '44': P('east', 8.8, 1.25, 1.3),
  '45': P('west', 4.4, 0.72, 0.88),
  '46': P('east', 5.5, 1.3, 1.0),
  '50': P('west', 7.8, 0.95, 1.0),
  '51': P('west', 5.8, 0.92, 0.95),
  '52': P('west', 4.6, 0.95, 0.95),
  '53': P('west', 5.2, 0.98, 0.98),
  '54': P('west', 5.2, 1.9, 1.5),
  '61': P('west', 6.6, 1.08, 0.95),
  '62': P('west', 3.6, 1.05, 0.9),
  '63': P('west', 5.1, 1.3, 1.2),
  '64': P('west', 5.4, 1.15, 1.0),
  '65': P('west', 5.3, 1.15, 1.05),
}

/** Populous central provinces where 大班额 was concentrated. */
const CROWDED = new Set(['41', '43', '42', '36', '34', '45', '13', '37', '52'])
/** Coastal provinces with large in-migration and many private kindergartens. */
const COASTAL = new Set(['44', '33', '35', '32', '31', '11', '12'])

export interface CountyProfile {
  prov: string
  traits: ProvinceTraits
  region: Region
  /** 2020 urban share (0–1). */
  urban: number
  /** ln(pop / 400k): size relative to a typical county. */
  size: number
  /** Development index, roughly −2 … +2. */
  dev: number
  /** Remoteness 0–1: Tibet, Qinghai, Xinjiang, Inner Mongolia banners, Tibetan/Yi prefectures. */
  remote: number
  crowded: boolean
  coastal: boolean
  district: boolean
  city: boolean
  banner: boolean
  /** Coastal urban district: in-migration, 随迁子女, private kindergartens. */
  coastalUrban: boolean
  /** Yearly drift of the school-age population through migration (fraction per year). */
  drift: number
  /** Latent crowding of classrooms (higher = more 大班额). */
  crowding: number
}

export function profileOf(c: CountyBase, seed: number): CountyProfile {
  const rng = countyRng(seed, c.code, 'profile')
  const prov = c.code.slice(0, 2)
  const traits = PROVINCE_TRAITS[prov]
  if (!traits) throw new Error(`no traits for province ${prov}`)
  const urban = Math.min(1, Math.max(0, c.census.pop_urban / c.census.pop_total))
  const size = Math.log(c.census.pop_total / 400000)
  const district = c.county_type === '市辖区'
  const city = c.county_type === '县级市' || c.county_type === '不设区的地级市'
  const banner = c.county_type === '旗' || c.county_type === '自治旗'
  const crowded = CROWDED.has(prov)
  const coastal = COASTAL.has(prov)
  const dev = 1.2 * Math.log(traits.gdp / 6.5) + 1.5 * (urban - 0.55) + 0.25 * (c.census.avg_schooling_years - 9.5)

  let remote = 0
  if (prov === '54') remote = 1
  else if (prov === '63') remote = urban > 0.8 ? 0.3 : 0.8
  else if (prov === '65') remote = c.code.startsWith('6590') ? 0.4 : urban > 0.8 ? 0.2 : 0.6
  else if (prov === '15') remote = banner ? 0.5 : 0.25
  else if (['5132', '5133', '5134', '5333', '5334', '6230'].some((p) => c.code.startsWith(p))) remote = 0.7
  if (traits.region === 'west' && c.census.pop_total < 100000) remote = Math.min(1, remote + 0.2)

  const coastalUrban = coastal && (district || c.county_type === '不设区的地级市' || urban > 0.8)

  let drift = 0
  if (coastalUrban) drift = 0.02
  else if (urban > 0.8) drift = 0.01
  else if (traits.region === 'northeast') drift = -0.02
  else if (urban < 0.45 && (traits.region === 'central' || traits.region === 'west')) drift = -0.015
  drift += 0.005 * rng.normal()

  const municipality = prov === '11' || prov === '31' || prov === '12'
  const crowding =
    -1.0 +
    1.4 * (crowded ? 1 : 0) +
    0.6 * (city || c.census.pop_total > 800000 ? 1 : 0) +
    0.4 * (district && crowded ? 1 : 0) +
    0.3 * Math.max(-1.5, Math.min(1.5, size)) -
    1.3 * remote -
    1.4 * (municipality ? 1 : 0) -
    0.7 * (traits.region === 'northeast' ? 1 : 0) +
    0.8 * rng.normal()

  return {
    prov,
    traits,
    region: traits.region,
    urban,
    size,
    dev,
    remote,
    crowded,
    coastal,
    district,
    city,
    banner,
    coastalUrban,
    drift,
    crowding,
  }
}
