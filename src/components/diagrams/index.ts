// Diagram components for lessons, imported in MDX from one place.
export { default as ProducerConsumerDiagram } from "./ProducerConsumerDiagram.astro";
