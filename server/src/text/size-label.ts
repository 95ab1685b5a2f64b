const MB = 1024 * 1024;

/** "1 MB", "16 kB": how problems name a limit. */
export function sizeLabel(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} kB`;
}
