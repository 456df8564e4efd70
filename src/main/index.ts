// Electron main: one hardened window, the menu, native dialogs, and the API contract over IPC.
import { app, BrowserWindow, Menu, dialog, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { GlossService } from '../node/glossService';
import { SettingsStore } from '../node/settingsStore';
import { sampleProjectDir } from '../node/appPaths';
import { CONTENT_SECURITY_POLICY } from '../common/contentSecurityPolicy';
import { registerIpc, isAppPage } from './registerIpc';
import { buildMenu } from './menu';

const rendererIndex = join(import.meta.dirname, '../renderer/index.html');
const rendererIndexUrl = pathToFileURL(rendererIndex).href;
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Gloss',
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click must not open article links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-navigate', (event, url) => {
    if (!isAppPage(url, rendererIndexUrl, devServerUrl)) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererIndex);
  return win;
}

app.enableSandbox();
app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  const api = new GlossService({
    settings: new SettingsStore(process.env.GLOSS_CONFIG_DIR ?? app.getPath('userData')),
    transport: 'electron',
    sampleProject: sampleProjectDir(),
    startProject: process.env.GLOSS_PROJECT,
    chooseFolder: async () => {
      const result = await dialog.showOpenDialog(mainWindow!, { title: 'Open Gloss project', properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : result.filePaths[0] ?? null;
    },
    chooseSaveFile: async (filename) => {
      const result = await dialog.showSaveDialog(mainWindow!, { title: 'Export', defaultPath: filename });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  });
  registerIpc(ipcMain, api, (url) => isAppPage(url, rendererIndexUrl, devServerUrl));
  mainWindow = createWindow();
  Menu.setApplicationMenu(buildMenu((command) => mainWindow?.webContents.send('gloss:menu', command)));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
});

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
