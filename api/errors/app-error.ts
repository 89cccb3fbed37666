// One error shape for every failure the API reports. A clerk reads `message` (Chinese);
// scripts read `code`; a 400 says which `fields` were wrong.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  messageEn: string;
  fields?: FieldError[];
  requestId?: string;
}

export interface ErrorDefinition {
  status: ContentfulStatusCode;
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly messageZh: string;
  readonly fields?: FieldError[];

  constructor(code: string, definition: ErrorDefinition, fields?: FieldError[]) {
    super(definition.en);
    this.name = 'AppError';
    this.code = code;
    this.status = definition.status;
    this.messageZh = definition.zh;
    this.fields = fields;
  }

  toBody(requestId?: string): ErrorBody {
    return {
      status: this.status,
      code: this.code,
      message: this.messageZh,
      messageEn: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(requestId ? { requestId } : {}),
    };
  }
}
