import { useState } from 'react';
import type { AppInfo, AppSettings } from '../../common/api';

interface Props {
  info: AppInfo;
  settings: AppSettings;
  error: { message: string; code?: string; path?: string } | null;
  onOpen: (path: string) => void;
  onInit: (path: string) => void;
  onBrowse: () => void;
}

/** Opens a project: recent ones, the sample, a typed path or (desktop) the folder dialog. */
export function ProjectPicker({ info, settings, error, onOpen, onInit, onBrowse }: Props) {
  const [path, setPath] = useState('');
  const candidates = info.fixedProject ? [info.fixedProject] : [...new Set([...settings.recentProjects, ...(info.sampleProject ? [info.sampleProject] : [])])];
  return (
    <main className="picker">
      <h1>Gloss</h1>
      <p>Open a project folder of articles.</p>
      {error && (
        <div className="error" role="alert">
          <p>{error.message}</p>
          {error.code === 'NO_MANIFEST' && error.path && <button onClick={() => onInit(error.path!)}>Initialise {error.path} as a Gloss project</button>}
        </div>
      )}
      <h2>Projects</h2>
      <ul className="project-list">
        {candidates.map((p) => (
          <li key={p}>
            <button onClick={() => onOpen(p)}>{p}{p === info.sampleProject ? ' (sample)' : ''}</button>
          </li>
        ))}
      </ul>
      {!info.fixedProject && (
        <form onSubmit={(e) => { e.preventDefault(); if (path) onOpen(path); }}>
          <label>
            Folder <input value={path} onChange={(e) => setPath(e.target.value)} aria-label="Project folder" />
          </label>
          <button type="submit">Open</button>
          {info.transport === 'electron' && <button type="button" onClick={onBrowse}>Browse…</button>}
        </form>
      )}
    </main>
  );
}
