/**
 * A one-line, stack-free reason a path could not be read, in the words of the error
 * code rather than Node's message (which repeats the syscall and path).
 */
export function describeFsError(error: unknown, file: string): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return `no such file or directory: ${file}`;
    case "EACCES":
    case "EPERM":
      return `${file}: permission denied`;
    case "ELOOP":
      return `${file}: too many levels of symbolic links`;
    case "EISDIR":
      return `${file} is a directory`;
    case undefined:
      return `${file}: cannot read (${error instanceof Error ? error.message : String(error)})`;
    default:
      return `${file}: cannot read (${code})`;
  }
}
