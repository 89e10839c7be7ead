/** A file refused while it is read (too many rows, a zip bomb, unreadable): 400 on `file`. */
export class UploadRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadRefused';
  }
}
