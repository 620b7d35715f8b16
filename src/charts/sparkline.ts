/** An inline SVG polyline of a series; missing years break the line rather than dropping to zero. */
export function sparklineSvg(values: readonly (number | null)[], width = 120, height = 28, color = '#1f4e79'): string {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v))
  if (known.length === 0) return ''
  const min = Math.min(...known)
  const max = Math.max(...known)
  const span = max - min || 1
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0
  const segments: string[] = []
  let current = ''
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      if (current) segments.push(current)
      current = ''
      return
    }
    const x = (2 + i * step).toFixed(1)
    const y = (height - 2 - ((v - min) / span) * (height - 4)).toFixed(1)
    current += `${current ? 'L' : 'M'}${x},${y}`
  })
  if (current) segments.push(current)
  const last = values.at(-1)
  const dot =
    last !== null && last !== undefined && Number.isFinite(last)
      ? `<circle cx="${(2 + (values.length - 1) * step).toFixed(1)}" cy="${(height - 2 - ((last - min) / span) * (height - 4)).toFixed(1)}" r="2" fill="${color}"/>`
      : ''
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-hidden="true"><path d="${segments.join('')}" fill="none" stroke="${color}" stroke-width="1.5"/>${dot}</svg>`
}
