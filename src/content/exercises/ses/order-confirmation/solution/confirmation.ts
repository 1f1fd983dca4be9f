import { CreateEmailIdentityCommand, CreateEmailTemplateCommand, SendEmailCommand, SESv2Client } from "@aws-sdk/client-sesv2";

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
  await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: SENDER }));
}

/**
 * Stores the confirmation template: the subject "Your order {{orderId}}",
 * a text part and an HTML part that greet the customer by name and
 * state the order's total.
 */
export async function createConfirmationTemplate(): Promise<void> {
  await ses.send(
    new CreateEmailTemplateCommand({
      TemplateName: TEMPLATE,
      TemplateContent: {
        Subject: "Your order {{orderId}}",
        Text: "Hello {{name}},\n\nthank you for order {{orderId}}. Total: {{total}}.",
        // SES does not escape values: the HTML part gets its own, escaped, placeholder.
        Html: "<p>Hello {{nameHtml}},</p><p>thank you for order {{orderId}}. Total: <b>{{total}}</b>.</p>",
      },
    }),
  );
}

/** Sends the confirmation of one order from SENDER to the customer. */
export async function sendConfirmation(order: Order): Promise<void> {
  const data = { orderId: order.orderId, name: order.name, nameHtml: escapeHtml(order.name), total: order.total };
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: SENDER,
      Destination: { ToAddresses: [order.email] },
      Content: { Template: { TemplateName: TEMPLATE, TemplateData: JSON.stringify(data) } },
    }),
  );
}

/** Makes text safe to put into HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
