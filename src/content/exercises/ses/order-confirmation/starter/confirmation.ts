import { SESv2Client } from "@aws-sdk/client-sesv2";

const ses = new SESv2Client({});

export const SENDER = "orders@shop.example";
export const TEMPLATE = "order-confirmation";

export interface Order {
  orderId: string;
  name: string;
  email: string;
  total: string;
}

/** Asks SES to verify the shop's sender address (SES mails a link to it). */
export async function verifySender(): Promise<void> {
  // TODO 1: create the email identity SENDER.
}

/**
 * Stores the confirmation template: the subject "Your order {{orderId}}",
 * a text part and an HTML part that greet the customer by name and
 * state the order's total.
 */
export async function createConfirmationTemplate(): Promise<void> {
  // TODO 2: create the template TEMPLATE.
}

/** Sends the confirmation of one order from SENDER to the customer. */
export async function sendConfirmation(order: Order): Promise<void> {
  // TODO 3: send the templated mail, with every placeholder's value.
}

/** Makes text safe to put into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
