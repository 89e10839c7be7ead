import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import type { Entry, ZipFile } from 'yauzl';

/** What a reader does with one part's XML; element names come without their namespace prefix. */
export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** The parts of an XLSX package, read through the zip's central directory (openXlsxZip). */
export class XlsxPackage {
  private readonly entries: Map<string, Entry>;

  constructor(
    private readonly zip: ZipFile,
    entries: readonly Entry[],
  ) {
    this.entries = new Map(entries.map((entry) => [entry.fileName.toLowerCase(), entry]));
  }

  has(path: string): boolean {
    return this.entries.has(path.toLowerCase());
  }

  /**
   * Feeds a part's XML to the handlers as it unpacks, decoding UTF-8 across chunk edges (a
   * Vietnamese letter's bytes may straddle two chunks), and yields after each chunk so that the
   * caller can hand on what it completed. A missing part feeds nothing.
   */
  async *feed(path: string, handlers: XmlHandlers): AsyncGenerator<void> {
    const entry = this.entries.get(path.toLowerCase());
    if (!entry) return;
    const parser = new SaxesParser();
    let failure: Error | undefined;
    parser.on('error', (error) => (failure ??= error));
    if (handlers.open)
      parser.on('opentag', (tag) => handlers.open!(localName(tag.name), tag.attributes));
    if (handlers.text) parser.on('text', handlers.text);
    if (handlers.close) parser.on('closetag', (tag) => handlers.close!(localName(tag.name)));
    const decoder = new TextDecoder('utf-8');
    const stream = await this.zip.openReadStreamPromise(entry);
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        parser.write(decoder.decode(chunk, { stream: true }));
        if (failure) throw failure;
        yield;
      }
      parser.write(decoder.decode()).close();
      if (failure) throw failure;
    } finally {
      stream.destroy();
    }
  }

  /** Reads a whole part through the handlers. */
  async read(path: string, handlers: XmlHandlers): Promise<void> {
    for await (const _ of this.feed(path, handlers));
  }

  /** A part's relationships: `Id` to the target's path in the package, and `Type` to the first such path. */
  async relationships(
    partPath: string,
  ): Promise<{ byId: Map<string, string>; byType: Map<string, string> }> {
    const folder = posix.dirname(partPath);
    const relsPath = posix.join(folder, '_rels', `${posix.basename(partPath)}.rels`);
    const byId = new Map<string, string>();
    const byType = new Map<string, string>();
    await this.read(relsPath, {
      open(name, attributes) {
        if (name !== 'Relationship' || !attributes.Target) return;
        if (attributes.TargetMode === 'External') return;
        const target = attributes.Target.startsWith('/')
          ? attributes.Target.slice(1)
          : posix.join(folder, attributes.Target);
        if (attributes.Id) byId.set(attributes.Id, target);
        const type = attributes.Type?.slice(attributes.Type.lastIndexOf('/') + 1);
        if (type && !byType.has(type)) byType.set(type, target);
      },
    });
    return { byId, byType };
  }
}
