// School-age populations per county and year, from the 2020 census five-year cohorts.
// A cohort is split into single birth years with the national births series as weights,
// then aged forward or back: the 0–4s of 2020 are the 3–5s of 2021–2024, which is how
// the 2016–2017 birth peak and the later fall reach 在园幼儿.
import type { CensusValues } from './census.ts'

/**
 * National births (万), rounded, 1997–2021 (2016–2017 as revised after the census).
 * Used only as relative weights inside a census cohort and to reach a few years beyond
 * it; never summed into a published figure.
 */
const BIRTHS: Readonly<Record<number, number>> = {
  1997: 2038,
  1998: 1942,
  1999: 1834,
  2000: 1771,
  2001: 1702,
  2002: 1647,
  2003: 1599,
  2004: 1593,
  2005: 1617,
  2006: 1585,
  2007: 1595,
  2008: 1608,
  2009: 1591,
  2010: 1592,
  2011: 1604,
  2012: 1635,
  2013: 1640,
  2014: 1687,
  2015: 1655,
  2016: 1883,
  2017: 1765,
  2018: 1523,
  2019: 1465,
  2020: 1200,
  2021: 1062,
}

const births = (year: number): number => {
  const b = BIRTHS[year]
  if (b === undefined) throw new Error(`no births weight for ${year}`)
  return b
}

/** Census cohort (age in Nov 2020) → the birth years it holds. */
const GROUPS = [
  { key: 'age_0_4', from: 2016, to: 2020 },
  { key: 'age_5_9', from: 2011, to: 2015 },
  { key: 'age_10_14', from: 2006, to: 2010 },
  { key: 'age_15_19', from: 2001, to: 2005 },
] as const

/**
 * The 2020 resident count of one county born in each year 1997–2021.
 *
 * The 15–19 cohort also counts university students and young migrant workers where they
 * live, which would give a university district a huge "high-school-age" population; it is
 * capped relative to the county's 10–14 cohort (nationally 15–19 ≈ 0.85 × 10–14).
 */
export function birthYearCounts(c: CensusValues): Map<number, number> {
  const out = new Map<number, number>()
  const capped15 = Math.min(c.age_15_19, 1.06 * c.age_10_14)
  for (const g of GROUPS) {
    const total = g.key === 'age_15_19' ? capped15 : c[g.key]
    let w = 0
    for (let y = g.from; y <= g.to; y++) w += births(y)
    for (let y = g.from; y <= g.to; y++) out.set(y, (total * births(y)) / w)
  }
  // Beyond the census cohorts: scale the nearest cohort's per-birth ratio.
  const per15 = capped15 / [2001, 2002, 2003, 2004, 2005].reduce((s, y) => s + births(y), 0)
  for (const y of [1997, 1998, 1999, 2000]) out.set(y, per15 * births(y))
  const per0 = c.age_0_4 / [2016, 2017, 2018, 2019, 2020].reduce((s, y) => s + births(y), 0)
  out.set(2021, per0 * births(2021))
  return out
}

/**
 * Residents aged `fromAge`–`toAge` in the autumn of `year` (born year−toAge … year−fromAge),
 * with the county's migration drift applied away from 2020: an in-migration district had
 * fewer children before 2020 and keeps gaining them after.
 */
export function ageBand(
  counts: Map<number, number>,
  year: number,
  fromAge: number,
  toAge: number,
  drift: number,
): number {
  let s = 0
  for (let a = fromAge; a <= toAge; a++) {
    const b = counts.get(year - a)
    if (b === undefined) throw new Error(`no births cohort ${year - a}`)
    s += b
  }
  return s * Math.pow(1 + drift, year - 2020)
}
