// Entry for the editor's bundled declarations of @aws-sdk/client-sesv2 (src/lib/vite/sdk-declarations.ts).
export * from "@aws-sdk/client-sesv2";
