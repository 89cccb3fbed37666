// What this worker process already sent per notification key (`email:12`, `webhook:3`), so
// an attempt that failed halfway and is retried here does not send the first half again.
// Bounded: old keys fall out first; their retries are long settled.
export class SentLog {
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly maxKeys = 2000) {}

  has(key: string, target: string): boolean {
    return this.byKey.get(key)?.has(target) ?? false;
  }

  add(key: string, target: string): void {
    let targets = this.byKey.get(key);
    if (!targets) {
      targets = new Set();
      this.byKey.set(key, targets);
      if (this.byKey.size > this.maxKeys) this.byKey.delete(this.byKey.keys().next().value!);
    }
    targets.add(target);
  }
}
