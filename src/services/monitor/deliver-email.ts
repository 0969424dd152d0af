/**
 * Delivers alerts as one plain-text email through an SMTP server named by a URL,
 * `smtp://user:pass@host:port` (STARTTLS when the server offers it) or `smtps://…`
 * (TLS from the start), the one setting an operator already has from their mail
 * provider. The URL is read here rather than by nodemailer so a bad one is a clear
 * message, the user name and password are percent-decoded, and no message ever
 * repeats the password: results are stored and shown.
 *
 * The subject and body are `alertSubject` and `alertText`, so the email says exactly
 * what the webhook sends. Like the webhook, delivery never throws; timeouts are short
 * because a background job waits on it, and the outcome is a result to record.
 */
import nodemailer from "nodemailer";
import { alertSubject, alertText, type AlertMessage } from "./alert-message.ts";

export interface EmailResult {
  /** The server accepted the message for at least one recipient. */
  ok: boolean;
  /** Why it failed; with `ok`, the recipients the server refused, if any. */
  error: string | null;
  messageId: string | null;
}

export interface EmailAddresses {
  from: string;
  to: string[];
}

/** For connecting, for the greeting and for each later wait on the server. */
const TIMEOUT_MS = 15_000;

export async function deliverEmail(smtpUrl: string, opts: EmailAddresses, alerts: AlertMessage[], baseUrl?: string): Promise<EmailResult> {
  const server = parseSmtpUrl(smtpUrl);
  if (typeof server === "string") return { ok: false, error: server, messageId: null };
  if (opts.to.length === 0) return { ok: false, error: "no recipients to send the alert email to", messageId: null };
  const transport = nodemailer.createTransport({
    host: server.host,
    secure: server.secure,
    ...(server.port === undefined ? {} : { port: server.port }),
    ...(server.auth === undefined ? {} : { auth: server.auth }),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({
      from: opts.from,
      to: opts.to,
      subject: alertSubject(alerts),
      text: alertText(alerts, baseUrl),
    });
    const rejected = info.rejected;
    return {
      ok: true,
      error: rejected.length === 0 ? null : `${server.label} refused ${rejected.join(", ")}`,
      messageId: info.messageId ?? null,
    };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
    return { ok: false, error: `cannot send mail through ${server.label}: ${message}`, messageId: null };
  } finally {
    transport.close();
  }
}

interface SmtpServer {
  host: string;
  port: number | undefined;
  secure: boolean;
  auth: { user: string; pass: string } | undefined;
  /** The URL without its credentials, for messages. */
  label: string;
}

/** The server named by an smtp(s) URL, or why the URL names none (never quoting it: it may hold a password). */
function parseSmtpUrl(smtpUrl: string): SmtpServer | string {
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    return "the SMTP URL is not a URL; write it as smtp://user:password@host:port or smtps://…";
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    return `the SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`;
  }
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (host === "") return "the SMTP URL names no host";
  let auth: SmtpServer["auth"];
  try {
    auth = url.username === "" && url.password === "" ? undefined : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) };
  } catch {
    return "the SMTP URL's user name or password is not valid percent-encoding";
  }
  return {
    host,
    port: url.port === "" ? undefined : Number(url.port),
    secure: url.protocol === "smtps:",
    auth,
    label: `${url.protocol}//${url.host}`,
  };
}
