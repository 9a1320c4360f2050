// The alias in vite.config.ts for libavoid-js's WebAssembly file, imported as a URL.
declare module 'libavoid-wasm?url' {
  const url: string;
  export default url;
}
