// Minimal typing for the parts of mapshaper's Node API used by the boundary build.
declare module 'mapshaper' {
  interface Mapshaper {
    applyCommands(commands: string, input?: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>
    enableLogging?(): void
  }
  const mapshaper: Mapshaper
  export default mapshaper
}
