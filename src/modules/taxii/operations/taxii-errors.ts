/** A TAXII 2.1 error: answered as an error object (title, description, http_status). */
export class TaxiiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly description: string,
  ) {
    super(description);
  }

  toBody() {
    return { title: this.title, description: this.description, http_status: String(this.status) };
  }
}
