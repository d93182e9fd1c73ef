// A fixed number of workers, like the bench's gunicorn/werkzeug processes: at most `size` requests are
// worked on at once; the rest wait in arrival order.

export class WorkerPool {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private size: number) {}

  resize(size: number): void {
    this.size = size;
    this.drain();
  }

  /** Resolves with a release function once a worker is free. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.busy += 1;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.busy -= 1;
          this.drain();
        });
      });
      this.drain();
    });
  }

  private drain(): void {
    while (this.busy < this.size && this.waiting.length) (this.waiting.shift() as () => void)();
  }
}
