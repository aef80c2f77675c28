/**
 * Cost guard: at most `cap` provider requests per UTC day, counted in this
 * process. A cap of 0 means no cap (as RATE_LIMIT_PER_MINUTE=0 means no limit).
 */
export class DailyCap {
  private day = "";
  private used = 0;

  constructor(
    private readonly cap: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request and says whether it is within today's cap. */
  tryConsume(): boolean {
    if (this.cap === 0) return true;
    const today = new Date(this.now()).toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.used = 0;
    }
    if (this.used >= this.cap) return false;
    this.used++;
    return true;
  }

  /** Requests left today (Infinity without a cap). */
  remaining(): number {
    if (this.cap === 0) return Number.POSITIVE_INFINITY;
    const today = new Date(this.now()).toISOString().slice(0, 10);
    return today === this.day ? this.cap - this.used : this.cap;
  }
}
