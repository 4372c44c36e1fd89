// Vite's `?inline` asset imports (the tests' fonts): the file as a data URL.
declare module '*?inline' {
  const dataUrl: string;
  export default dataUrl;
}
