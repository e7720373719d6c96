// Backups (app.Backup): the folder, backing up now, the status, verifying and restoring a file, and the export.
// Paths never come from the page: folders and files are chosen in native dialogs on the Go side.
import * as Backup from './wailsjs/go/app/Backup';
import { app, domain } from './wailsjs/go/models';
import { call } from './call';
import { onEvent } from './events';
import { toGo } from './wire';
import {
  toBackupDone,
  toBackupProgress,
  toBackupReport,
  toBackupSettings,
  toBackupStatus,
  toChosenFile,
  toExportDone,
  toRestoreDone,
  type BackupDone,
  type BackupProgress,
  type BackupReport,
  type BackupSecret,
  type BackupSettings,
  type BackupStatus,
  type ChosenFile,
  type ExportDone,
  type RestoreDone,
} from './backup-models';

export const backup = {
  status: async (): Promise<BackupStatus> => toBackupStatus(await call(() => Backup.Status())),

  settings: async (): Promise<BackupSettings> => toBackupSettings(await call(() => Backup.Settings())),

  /** Saves automatic on/off and the rotation numbers; the folder is kept as stored. */
  saveSettings: async (settings: BackupSettings): Promise<BackupSettings> =>
    toBackupSettings(await call(() => Backup.SaveSettings(toGo(domain.BackupSettings, settings)))),

  /** Opens the folder dialog; rejects with code "cancelled" when it is closed. */
  chooseFolder: async (): Promise<BackupStatus> => toBackupStatus(await call(() => Backup.ChooseFolder())),

  /** Makes, verifies and rotates a backup now; progress comes as onBackupProgress events. */
  backUpNow: async (): Promise<BackupDone> => toBackupDone(await call(() => Backup.BackUpNow())),

  /** Opens the file dialog; rejects with code "cancelled" when it is closed. Works without a vault. */
  chooseFile: async (): Promise<ChosenFile> => toChosenFile(await call(() => Backup.ChooseFile())),

  /**
   * Reads the chosen file completely. A damaged file is a report with ok false; a wrong secret
   * rejects with code "wrong_secret" (field "passphrase" or "recoveryKey").
   */
  verify: async (secret: BackupSecret): Promise<BackupReport> =>
    toBackupReport(await call(() => Backup.Verify(toGo(app.BackupSecret, secret)))),

  /**
   * Replaces the vault with the chosen file, after verify showed its contents with the same secret.
   * With the recovery key a new passphrase is required (field "newPassphrase"). The vault is then locked.
   */
  restore: async (secret: BackupSecret, newPassphrase: string): Promise<RestoreDone> =>
    toRestoreDone(await call(() => Backup.Restore(toGo(app.BackupSecret, secret), newPassphrase))),

  /** Writes the readable JSON export (0: the whole vault) through the save dialog. */
  exportRecords: async (clientId: number): Promise<ExportDone> => toExportDone(await call(() => Backup.Export(clientId))),
};

/** Called as a backup started by backUpNow progresses. */
export function onBackupProgress(listener: (progress: BackupProgress) => void): () => void {
  return onEvent('backup:progress', (data) => {
    try {
      listener(toBackupProgress(data));
    } catch {
      // A malformed progress event is ignored.
    }
  });
}
