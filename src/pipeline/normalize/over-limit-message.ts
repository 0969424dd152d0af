const KB = 1024;
const MB = 1024 * 1024;

function formatSize(bytes: number, decimals: number): string {
  const [unit, scale] = bytes >= MB ? ["MB", MB] : bytes >= KB ? ["KB", KB] : ["bytes", 1];
  const value = scale === 1 ? String(bytes) : String(Number((bytes / scale).toFixed(decimals)));
  return `${value} ${unit}`;
}

/**
 * "X is 6.2 MB, over the 5 MB limit (…)". Adds decimals until the size no longer reads
 * the same as the limit, so a file a few bytes over never claims to be "5 MB, over
 * the 5 MB limit". `bytes` is undefined when the full size is unknown (a stream that
 * was not read to its end).
 */
export function overLimitMessage(label: string, bytes: number | undefined, limit: number): string {
  const limitText = formatSize(limit, 1);
  if (bytes === undefined) return `${label} is over the ${limitText} limit (raise it with --max-size)`;
  let sizeText = formatSize(bytes, 1);
  for (let decimals = 2; sizeText === limitText && decimals <= 3; decimals += 1) {
    sizeText = formatSize(bytes, decimals);
  }
  if (sizeText === limitText) sizeText = `${bytes} bytes`;
  return `${label} is ${sizeText}, over the ${limitText} limit (raise it with --max-size)`;
}
