// Colour-blind-safe palettes (ColorBrewer PuOr and Blues). Failing values take the warm
// family and passing values the cool one, so 达标 and 未达标 never share a hue.
export const FAIL_COLORS = ['#e66101', '#fdb863'] as const // far from the line → near it
export const PASS_COLORS = ['#b2abd2', '#5e3c99'] as const // near the line → far beyond it
export const SEQUENTIAL = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const // worse → better
export const NO_DATA_COLOR = '#d9d9d9'
export const BORDER_COLOR = '#ffffff'
export const PREFECTURE_BORDER = '#303840'
export const HIGHLIGHT_COLOR = '#ffd400'
