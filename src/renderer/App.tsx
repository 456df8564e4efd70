import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, AppSettings, ProjectInfo } from '../common/api';
import type { GlossClient } from './api/client';
import { ClientError } from './api/client';
import { NamePrompt } from './components/NamePrompt';
import { ProjectPicker } from './components/ProjectPicker';
import { Workbench } from './components/Workbench';
import { ReviewView } from './review/ReviewView';
import { readPlace, updatePlace } from './state/windowPlace';

type OpenError = { message: string; code?: string; path?: string };

/** Asks the annotator's name once, opens the last (or sample) project, then shows the workbench. */
export function App({ client }: { client: GlossClient }) {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [project, setProject] = useState<ProjectInfo | null>(null);
  const [openError, setOpenError] = useState<OpenError | null>(null);
  const [picking, setPicking] = useState(false);
  const [reviewing, setReviewing] = useState(false);
  const [menuCommand, setMenuCommand] = useState<{ command: string; seq: number } | null>(null);

  const openProject = useCallback(async (path: string) => {
    try {
      const opened = await client.openProject(path);
      setProject(opened);
      // A reload comes back to the screen the window was on.
      setReviewing(readPlace(opened.path).screen === 'review');
      setOpenError(null);
      setPicking(false);
      setSettings(await client.getSettings());
    } catch (error) {
      setOpenError({ message: (error as Error).message, code: error instanceof ClientError ? error.code : undefined, path });
      setPicking(true);
    }
  }, [client]);

  useEffect(() => {
    void (async () => {
      const [i, s] = await Promise.all([client.getAppInfo(), client.getSettings()]);
      setInfo(i);
      setSettings(s);
      if (i.startProject) await openProject(i.startProject);
      else setPicking(true);
    })().catch((error: Error) => setOpenError({ message: error.message }));
    let seq = 0;
    return client.onMenuCommand((command) => setMenuCommand({ command, seq: ++seq }));
  }, [client, openProject]);

  if (!info || !settings) return <p className="loading">{openError ? openError.message : 'Loading…'}</p>;
  if (!settings.annotator) {
    return <NamePrompt onSubmit={async (name) => setSettings(await client.setAnnotator(name))} />;
  }
  if (picking || !project) {
    return (
      <ProjectPicker
        info={info}
        settings={settings}
        error={openError}
        onOpen={(p) => void openProject(p)}
        onInit={(p) => void client.initProject(p).then((pr) => { setProject(pr); setPicking(false); setOpenError(null); }, (e: Error) => setOpenError({ message: e.message }))}
        onBrowse={() => void client.chooseProjectFolder().then((p) => { if (p) void openProject(p); })}
      />
    );
  }
  const showScreen = (review: boolean) => {
    updatePlace(project.path, { screen: review ? 'review' : 'annotate' });
    setReviewing(review);
  };
  if (reviewing) return <ReviewView key={project.path} client={client} project={project} onProjectChange={setProject} onClose={() => showScreen(false)} />;
  return <Workbench key={project.path} onReview={() => showScreen(true)} client={client} project={project} layer={settings.annotator} onProjectChange={setProject} onCloseProject={() => setPicking(true)} menuCommand={menuCommand} />;
}
