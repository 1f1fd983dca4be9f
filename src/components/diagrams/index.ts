// Diagram components for lessons, imported in MDX from one place.
export { default as ProducerConsumerDiagram } from "./ProducerConsumerDiagram.astro";
export { default as HeartbeatDiagram } from "./HeartbeatDiagram.astro";
export { default as PollingDelayDiagram } from "./PollingDelayDiagram.astro";
export { default as StandardQueueDiagram } from "./StandardQueueDiagram.astro";
export { default as FifoGroupsDiagram } from "./FifoGroupsDiagram.astro";
export { default as DeadLetterDiagram } from "./DeadLetterDiagram.astro";
export { default as BatchDiagram } from "./BatchDiagram.astro";
