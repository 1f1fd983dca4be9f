/**
 * AWS Lambda list prices, us-east-1, x86, on-demand, before the free tier:
 * https://aws.amazon.com/lambda/pricing/ — $0.20 per 1M requests and $0.0000166667 per GB-second;
 * duration is billed in 1-ms increments. A GB-second is 1,024 MB of memory for one second.
 */
export const PRICE_PER_REQUEST_USD = 0.2 / 1_000_000;
export const PRICE_PER_GB_SECOND_USD = 0.0000166667;
export const MB_PER_GB = 1024;
/**
 * Since August 1, 2025 the INIT phase of on-demand functions is billed like the handler's duration
 * (AWS Compute Blog, "AWS Lambda standardizes billing for the INIT phase"). UNVERIFIED against
 * AWS-FACTS, which is silent, and the pricing page, which the docs search did not return: flip to false to bill handler time only.
 */
export const BILL_INIT_PHASE = true;
