import { getCurrentWindow } from "@tauri-apps/api/window";

/** Sets the document and the native window title; outside Tauri (tests, browser) only the document's. */
export function setWindowTitle(title: string): void {
  document.title = title;
  try {
    getCurrentWindow()
      .setTitle(title)
      .catch((error: unknown) => console.warn("setTitle:", error));
  } catch {
    // Not running inside Tauri: document.title is enough.
  }
}
