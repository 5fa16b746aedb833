// The set of ids an iterator has yielded. Conversation ids are display ids:
// small, dense, per-account integers, so a bit per id (1.25 kB per 10,000 ids)
// beats a Set<number> (~36 B per id). Ids too large for a bitset of at most
// 2 MB go to a plain Set, so an odd id can never make it huge.

const MAX_BITSET_ID = 16_777_216; // 2 ** 24, as a literal so bundlers see a constant

export class IdSet {
  #bits = new Uint8Array(1024);
  #large = new Set<number>();

  has(id: number): boolean {
    if (id >= MAX_BITSET_ID || id < 0) return this.#large.has(id);
    const byte = Math.floor(id / 8);
    return byte < this.#bits.length && (this.#bits[byte]! & (1 << id % 8)) !== 0;
  }

  add(id: number): void {
    if (id >= MAX_BITSET_ID || id < 0) {
      this.#large.add(id);
      return;
    }
    const byte = Math.floor(id / 8);
    if (byte >= this.#bits.length) {
      const grown = new Uint8Array(Math.min(MAX_BITSET_ID / 8, Math.max(byte + 1, this.#bits.length * 2)));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    this.#bits[byte]! |= 1 << id % 8;
  }
}
