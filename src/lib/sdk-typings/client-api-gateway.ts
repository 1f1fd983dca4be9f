// Entry for the editor's bundled declarations of @aws-sdk/client-api-gateway (src/lib/vite/sdk-declarations.ts).
export * from "@aws-sdk/client-api-gateway";
