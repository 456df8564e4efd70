// Exposes window.gloss: one async function per method of the API contract, and the menu event.
// Nothing else of Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, ipcChannel } from '../common/apiMethods';

const gloss: Record<string, unknown> = {};
for (const method of API_METHODS) {
  gloss[method] = (...args: unknown[]) => ipcRenderer.invoke(ipcChannel(method), ...args);
}
gloss.onMenuCommand = (listener: (command: string) => void) => {
  const handler = (_event: unknown, command: string) => listener(command);
  ipcRenderer.on('gloss:menu', handler);
  return () => ipcRenderer.removeListener('gloss:menu', handler);
};
contextBridge.exposeInMainWorld('gloss', gloss);
