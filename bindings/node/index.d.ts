// TypeScript declarations for smslint (bindings/node/index.js). Report
// fields are those of the JSON report, docs/report.schema.json.

export type Severity = 'error' | 'warning' | 'info';

/** Options of a Linter: smslint::Options / docs/config.md, camelCase. */
export interface LinterOptions {
  /** TOML configuration text (docs/config.md), read first; the options below win (lists add). */
  config?: string;
  maxSegments?: number;                   // lint.max_segments (1..1000000, default 10)
  maxBodyCharacters?: number;             // lint.max_body_characters (default 1600)
  suggestSmartEncoding?: boolean;         // lint.suggest_smart_encoding (default true)
  defaultRegion?: string;                 // lint.default_region, e.g. "US"
  disabledRules?: string[];               // lint.disable: rule ids or areas
  severityOverrides?: Record<string, Severity>;  // lint.severity
  brand?: string;                         // content.brand
  ownedDomains?: string[];                // content.owned_domains
  extraShorteners?: string[];             // content.extra_shorteners
  weights?: Record<string, number>;       // content.weights
  elevatedThreshold?: number;             // content.elevated_threshold (default 3)
  highThreshold?: number;                 // content.high_threshold (default 5)
  mediaRoot?: string;                     // media.root: where media paths may be read
  now?: string | Date;                    // lint.now: pin "now" for the scheduling rules (reproducible runs)
  /** false: libphonenumber alone for numbers (same answers, slower). */
  fastNumbers?: boolean;
}

/**
 * A message: twilio-node's messages.create() params (camelCase), the REST
 * names (To, From, Body, ...) or smslint's (docs/input.md).
 */
export interface Message {
  to?: string;
  from?: string;
  body?: string;
  mediaUrl?: string | string[];
  messagingServiceSid?: string;
  statusCallback?: string;
  /** A Date is sent as twilio-node sends it: ISO 8601 without milliseconds. */
  sendAt?: Date | string;
  scheduleType?: string;
  validityPeriod?: number | string;
  id?: string | number | bigint;
  region?: string;
  media?: Array<{ content_type?: string; size_bytes?: number; path?: string }>;
  kind?: 'marketing' | 'transactional' | 'otp' | 'conversational' | 'informational';
  first_message?: boolean;
  brand?: string;
  owned_domains?: string[];
  [field: string]: unknown;
}

export interface Span {
  byte_begin: number;
  byte_end: number;
  utf16_begin: number;
  utf16_end: number;
}

export interface Fix {
  description: string;
  applicability: 'safe' | 'unsafe' | 'display-only';
  edits: Array<{ span: Span; replacement: string }>;
  edits_omitted?: number;
}

export interface Diagnostic {
  rule_id: string;
  severity: Severity;
  field: string;
  span: Span | null;
  message: string;
  twilio_code: number | null;
  args: Record<string, string>;
  fix: Fix | null;
  weight: number;
}

export interface NumberInfo {
  input: string;
  kind: 'phone' | 'short_code' | 'alphanumeric' | 'messaging_service';
  e164: string | null;
  region: string | null;
  country_code: number | null;
  type: string;
  possible: boolean;
  valid: boolean;
  reason: string | null;
}

export interface SegmentInfo {
  format_version?: number;
  error?: string | null;
  encoding: 'GSM-7' | 'UCS-2';
  segment_count: number;
  units: number;
  message_bits: number;
  total_bits: number;
  characters: number;
  code_points: number;
  utf16_units: number;
  bytes: number;
  line_break_style: 'LF' | 'CRLF' | 'LF+CRLF' | null;
  segments: Array<{ span: Span; fill: number; capacity: number }>;
  segments_omitted?: number;
  non_gsm: Array<{ text: string; span: Span }>;
  non_gsm_omitted?: number;
  smart_encoded: boolean;
  smart_text: string | null;
  invalid_utf8_offset: number | null;
}

export interface Report {
  format_version: number;
  id: string;
  line: number | null;
  summary: { errors: number; warnings: number; infos: number };
  diagnostics: Diagnostic[];
  to_number: NumberInfo | null;
  from_number: NumberInfo | null;
  segments: SegmentInfo;
  risk: {
    score: number;
    band: 'low' | 'elevated' | 'high';
    elevated_threshold: number;
    high_threshold: number;
    contributions: Array<{ rule_id: string; weight: number }>;
  };
  /** No error-level finding (not enumerable: not part of the JSON report). */
  readonly ok: boolean;
}

export interface RuleInfo {
  id: string;
  summary: string;
  default_severity: Severity;
  twilio_code: number | null;
  fixable: boolean;
  weight: number;
  weight_high: number | null;
  status: 'stable' | 'preview' | 'removed';
  since: string;
  message: string;
  docs: string;
}

export class Linter {
  /** @throws ConfigError naming the option (key) or the TOML key (configKey). */
  constructor(options?: LinterOptions);
  lint(message: Message): Report;
  lintJson(json: string): Report;
  /** The highest severity lint() would report, null for none; no report is built (cheaper). */
  maxSeverity(message: Message): Severity | null;
  /** lint(message).ok without the report: no error-level finding. */
  isSendable(message: Message): boolean;
  /** lint() on the libuv thread pool. */
  lintAsync(message: Message): Promise<Report>;
  /** Reports in input order, linted on the libuv thread pool (UV_THREADPOOL_SIZE). */
  lintMany(messages: Iterable<Message>): Promise<Report[]>;
  segmentCount(body: string): number;
}

export class ConfigError extends Error {
  /** The option as written ("maxSegments"), or "config" for a key-less error in options.config. */
  key: string;
  /** The TOML key ("lint.max_segments"); "" for a syntax error. */
  configKey: string;
  source: 'options' | 'config';
  line: number;
  column: number;
  reason: string;
}

export class LintError extends Error {
  report: Report;
  failOn: Severity;
  /** The findings at or above failOn. */
  diagnostics: Diagnostic[];
}

export function segments(body: string, options?: { smartEncoding?: boolean }): SegmentInfo;
export function rules(): RuleInfo[];

/** Anything shaped like twilio-node's client, as far as checkedCreate needs. */
export interface MessageCreator<P, R> {
  messages: { create(params: P): Promise<R> };
}

/**
 * Lints `params`; rejects with LintError, without calling the client, when a
 * finding is at or above failOn ("error" by default); otherwise returns
 * client.messages.create(params).
 */
export function checkedCreate<P extends Message, R>(
  client: MessageCreator<P, R>, params: P,
  options?: { linter?: Linter; failOn?: Severity }): Promise<R>;

export const version: string;
export const reportFormatVersion: number;
export const severityRank: Readonly<Record<Severity, number>>;
