/// <reference types="astro/client" />

// Plain `tsc` (npm run typecheck) does not read .astro files; Astro's own build type-checks their props.
declare module "*.astro" {
  const Component: (props: Record<string, unknown>) => unknown;
  export default Component;
}
