// The vault (app.Vault): creating, unlocking, locking, the passphrase and the recovery key.
import * as Vault from './wailsjs/go/app/Vault';
import { call, callBool } from './call';
import { onEvent } from './events';
import {
  toLockReason,
  toPassphraseCheck,
  toRecoveryKeyView,
  toRekeyProgress,
  toVaultStatus,
  type LockReason,
  type PassphraseCheck,
  type RecoveryKeyView,
  type RekeyProgress,
  type VaultStatus,
} from './models';

export const vault = {
  status: async (): Promise<VaultStatus> => toVaultStatus(await call(() => Vault.Status())),

  checkPassphrase: async (passphrase: string): Promise<PassphraseCheck> =>
    toPassphraseCheck(await call(() => Vault.CheckPassphrase(passphrase))),

  /** Starts creating a vault; nothing is written until finishCreate. */
  beginCreate: async (passphrase: string): Promise<RecoveryKeyView> =>
    toRecoveryKeyView(await call(() => Vault.BeginCreate(passphrase))),

  /** Opens the save dialog; true when the key file was written, false when cancelled. */
  saveRecoveryKey: (): Promise<boolean> => callBool(() => Vault.SaveRecoveryKey()),

  copyRecoveryKey: (): Promise<void> => call(() => Vault.CopyRecoveryKey()),

  /** Opens the Recovery Kit (the key with plain instructions) in the PDF viewer to print. */
  printRecoveryKit: (): Promise<boolean> => callBool(() => Vault.PrintRecoveryKit()),

  /** Opens the save dialog for the Recovery Kit PDF; true when written (which counts as keeping the key). */
  saveRecoveryKit: (): Promise<boolean> => callBool(() => Vault.SaveRecoveryKit()),

  /** Rejects with code "invalid" (field "confirm") when the characters don't match. */
  confirmRecoveryKey: (lastChars: string): Promise<void> => call(() => Vault.ConfirmRecoveryKey(lastChars)),

  finishCreate: async (): Promise<VaultStatus> => toVaultStatus(await call(() => Vault.FinishCreate())),

  /**
   * Checks the passphrase and makes a replacement recovery key in memory; it is kept like a new
   * vault's (save, kit, copy and confirm), then finishNewRecoveryKey puts it in place. Rejects with
   * field "passphrase" when it is wrong.
   */
  beginNewRecoveryKey: async (passphrase: string): Promise<RecoveryKeyView> =>
    toRecoveryKeyView(await call(() => Vault.BeginNewRecoveryKey(passphrase))),

  /** Replaces the recovery key once the new one was saved or confirmed (field "confirm" otherwise). */
  finishNewRecoveryKey: (): Promise<void> => call(() => Vault.FinishNewRecoveryKey()),

  /** Forgets the replacement key; nothing changes. */
  cancelNewRecoveryKey: (): Promise<void> => call(() => Vault.CancelNewRecoveryKey()),

  unlock: async (passphrase: string): Promise<VaultStatus> => toVaultStatus(await call(() => Vault.Unlock(passphrase))),
  /** Rewrites a key file that does not match the vault (key_file_changed) from what can be checked, and unlocks. */
  repairKeyFile: async (passphrase: string): Promise<VaultStatus> =>
    toVaultStatus(await call(() => Vault.RepairKeyFile(passphrase))),

  unlockWithRecoveryKey: async (key: string): Promise<VaultStatus> =>
    toVaultStatus(await call(() => Vault.UnlockWithRecoveryKey(key))),

  /** Opens the file dialog; rejects with code "cancelled" when the therapist closes it. */
  unlockWithRecoveryKeyFile: async (): Promise<VaultStatus> =>
    toVaultStatus(await call(() => Vault.UnlockWithRecoveryKeyFile())),

  setNewPassphrase: async (passphrase: string): Promise<VaultStatus> =>
    toVaultStatus(await call(() => Vault.SetNewPassphrase(passphrase))),

  changePassphrase: (current: string, next: string): Promise<void> => call(() => Vault.ChangePassphrase(current, next)),

  lock: async (): Promise<VaultStatus> => toVaultStatus(await call(() => Vault.Lock())),

  /** Tells the Go side's idle timer that the therapist is still here. */
  activity: (): Promise<void> => call(() => Vault.Activity()),
};

/** Called when the Go side has locked the vault (idle timer, Lock, or the computer sleeping). */
export function onVaultLocked(listener: (reason: LockReason) => void): () => void {
  return onEvent('vault:locked', (data) => listener(toLockReason(data)));
}

/** Called as a new passphrase or recovery key re-encrypts the vault under a fresh key. */
export function onRekeyProgress(listener: (progress: RekeyProgress) => void): () => void {
  return onEvent('vault:rekey-progress', (data) => {
    try {
      listener(toRekeyProgress(data));
    } catch {
      // A malformed progress event is ignored.
    }
  });
}
