// The browser's file picker for a map file or a CSV. The app shell mounts the hidden file input
// (app/FileImport.tsx) and attaches it here, so the Import button and Ctrl/Cmd+O can open it.
let picker: HTMLInputElement | null = null;

export function attachImportPicker(input: HTMLInputElement | null): void {
  picker = input;
}

/** Opens the file picker (the Import button and Ctrl/Cmd+O); nothing happens before the shell mounts. */
export function openImportPicker(): void {
  picker?.click();
}
