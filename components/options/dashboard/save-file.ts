import type { ExportFile } from '@/utils/history/export-file';

/**
 * Saves a file the background built through a Blob URL and an `<a download>`: no `downloads` permission, and
 * the browser's own save behaviour (a prompt or the downloads folder, as the user set it).
 */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  // Firefox only follows a click on a link that is in the document.
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later rather than at once: the browser may still be reading the Blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
