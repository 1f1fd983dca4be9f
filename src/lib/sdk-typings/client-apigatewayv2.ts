// Entry for the editor's bundled declarations of @aws-sdk/client-apigatewayv2 (src/lib/vite/sdk-declarations.ts).
export * from "@aws-sdk/client-apigatewayv2";
