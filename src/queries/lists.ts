import type { Query } from '../util/query.ts'

export interface CountyRow {
  code: string
  name: string
  prefecture_code: string
  prefecture: string
  province_code: string
  province: string
  county_type: string
  pop_2020: number | null
  census_matched?: boolean | null
}

export function countiesQuery(province: string): Query {
  return {
    sql: `SELECT code, name, prefecture_code, prefecture, province_code, province, county_type, pop_2020
      FROM counties WHERE province_code = ? ORDER BY code`,
    params: [province],
  }
}

/** A county, and how many counties its province and prefecture have (the county page's “全省第12/122”). */
export interface CountyPageRow extends CountyRow {
  province_counties: number
  prefecture_counties: number
}

export function countyQuery(code: string): Query {
  return {
    sql: `SELECT code, name, prefecture_code, prefecture, province_code, province, county_type, pop_2020, census_matched,
        (SELECT CAST(count(*) AS INTEGER) FROM counties p WHERE p.province_code = c.province_code) AS province_counties,
        (SELECT CAST(count(*) AS INTEGER) FROM counties p WHERE p.prefecture_code = c.prefecture_code) AS prefecture_counties
      FROM counties c WHERE code = ?`,
    params: [code],
  }
}

/** Counties anywhere whose name contains the text or whose pinyin initials start with it. */
export function countySearchQuery(text: string, limit = 12): Query {
  const q = text.trim()
  return {
    sql: `SELECT code, name, prefecture_code, prefecture, province_code, province, county_type, pop_2020
      FROM counties WHERE contains(name, ?) OR starts_with(initials, lower(?))
      ORDER BY NOT starts_with(name, ?), length(name), code LIMIT ${Math.max(1, Math.min(50, Math.floor(limit)))}`,
    params: [q, q, q],
  }
}

/** Every county's code and name: what an import's codes are checked against. */
export function countyNamesQuery(): Query {
  return { sql: 'SELECT code, name FROM counties ORDER BY code', params: [] }
}
