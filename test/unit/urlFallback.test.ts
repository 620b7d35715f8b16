import { describe, expect, it } from 'vitest'
import { urlFallback, type Place } from '../../src/composables/useUrlFallback.ts'

const data = {
  provinces: [{ code: '430000', name: '湖南省' }],
  years: [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024],
}
const place = (name: string, params: Record<string, string>, query: Record<string, string> = {}): Place => ({
  name,
  params,
  query,
})

describe('links with unknown parts', () => {
  it('leaves a valid link alone', () => {
    expect(
      urlFallback(
        place('province', { province: '430000' }, { indicator: 'kg_public_share', year: '2019', sort: 'name' }),
        data,
      ),
    ).toBeNull()
    expect(urlFallback(place('county', { code: '430121' }), data)).toBeNull()
  })

  it('drops an unknown indicator and year, keeps the other choices, and says what is shown instead', () => {
    expect(
      urlFallback(place('province', { province: '430000' }, { indicator: 'nope', year: '1999', sort: 'name' }), data),
    ).toEqual({
      to: place('province', { province: '430000' }, { sort: 'name' }),
      notices: [
        '链接中的指标“nope”不存在，已显示默认指标公办园在园幼儿占比',
        '链接中的年份“1999”不在数据年份（2015—2024年）之内，已显示2024年',
      ],
    })
  })

  it('shows the national overview for an unknown province or a county outside every province, keeping indicator and year', () => {
    expect(urlFallback(place('rollup', { province: '990000' }, { year: '2020', prefecture: '990100' }), data)).toEqual({
      to: place('national', {}, { year: '2020' }),
      notices: ['链接中的省份代码“990000”不在数据中，已显示全国概览'],
    })
    expect(urlFallback(place('county', { code: '12' }, { indicator: 'x'.repeat(30) }), data)).toEqual({
      to: place('national', {}, {}),
      notices: [
        `链接中的指标“${'x'.repeat(20)}…”不存在，已显示默认指标公办园在园幼儿占比`,
        '链接中的区县代码“12”不在数据中，已显示全国概览',
      ],
    })
  })
})
