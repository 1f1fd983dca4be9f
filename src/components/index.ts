// The components lessons use, from one place: `import { Exercise } from "../../../components";`
export { default as Exercise } from "./Exercise.astro";
export { default as ProgressPanel } from "./ProgressPanel.astro";
