// Application settings (app.Settings): the auto-lock, the co-creation PIN, medicine records, paper size.
import * as Settings from './wailsjs/go/app/Settings';
import { call } from './call';
import { toAppSettings, type AppSettings } from './models';

export const settings = {
  get: async (): Promise<AppSettings> => toAppSettings(await call(() => Settings.Get())),

  /**
   * Changes some settings and keeps the rest as stored: the current settings are read first,
   * so fields this screen does not know about are sent back unchanged.
   */
  update: async (changes: Partial<AppSettings>): Promise<AppSettings> => {
    const current = await call(() => Settings.Get());
    return toAppSettings(await call(() => Settings.Save({ ...current, ...changes })));
  },

  /** Sets the co-creation PIN (4 to 12 digits), or removes it with pin "". Needs the passphrase. */
  setPin: async (passphrase: string, pin: string): Promise<AppSettings> =>
    toAppSettings(await call(() => Settings.SetPIN(passphrase, pin))),
};
