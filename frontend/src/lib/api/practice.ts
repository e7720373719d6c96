// The therapist's practice profile (app.Practice).
import * as Practice from './wailsjs/go/app/Practice';
import { domain } from './wailsjs/go/models';
import { call } from './call';
import { toGo } from './wire';
import { toPracticeProfile, type PracticeProfile } from './models';

export const practice = {
  get: async (): Promise<PracticeProfile> => toPracticeProfile(await call(() => Practice.Get())),

  save: async (profile: PracticeProfile): Promise<PracticeProfile> =>
    toPracticeProfile(await call(() => Practice.Save(toGo(domain.Practice, profile)))),
};
