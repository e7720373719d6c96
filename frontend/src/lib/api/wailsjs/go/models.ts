export namespace app {
	
	export class BackupFailure {
	    at: string;
	    trigger: string;
	    code: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new BackupFailure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.trigger = source["trigger"];
	        this.code = source["code"];
	        this.message = source["message"];
	    }
	}
	export class BackupStatus {
	    folder: string;
	    reachable: boolean;
	    auto: boolean;
	    lastAt: string;
	    lastFile: string;
	    level: string;
	    otherVault: number;
	    restoredFolder: string;
	    future: number;
	    reasons: string[];
	    failure?: BackupFailure;
	    running: string;
	    settings: domain.BackupSettings;
	
	    static createFrom(source: any = {}) {
	        return new BackupStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.reachable = source["reachable"];
	        this.auto = source["auto"];
	        this.lastAt = source["lastAt"];
	        this.lastFile = source["lastFile"];
	        this.level = source["level"];
	        this.otherVault = source["otherVault"];
	        this.restoredFolder = source["restoredFolder"];
	        this.future = source["future"];
	        this.reasons = source["reasons"];
	        this.failure = this.convertValues(source["failure"], BackupFailure);
	        this.running = source["running"];
	        this.settings = this.convertValues(source["settings"], domain.BackupSettings);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BackupDone {
	    file: string;
	    size: number;
	    removed: number;
	    status: BackupStatus;
	
	    static createFrom(source: any = {}) {
	        return new BackupDone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.size = source["size"];
	        this.removed = source["removed"];
	        this.status = this.convertValues(source["status"], BackupStatus);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class TableRows {
	    table: string;
	    rows: number;
	
	    static createFrom(source: any = {}) {
	        return new TableRows(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.table = source["table"];
	        this.rows = source["rows"];
	    }
	}
	export class BackupReport {
	    file: string;
	    ok: boolean;
	    code: string;
	    problem: string;
	    created: string;
	    appVersion: string;
	    schemaVersion: number;
	    openedWith: string;
	    tables: TableRows[];
	    counts: {[key: string]: number};
	
	    static createFrom(source: any = {}) {
	        return new BackupReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.ok = source["ok"];
	        this.code = source["code"];
	        this.problem = source["problem"];
	        this.created = source["created"];
	        this.appVersion = source["appVersion"];
	        this.schemaVersion = source["schemaVersion"];
	        this.openedWith = source["openedWith"];
	        this.tables = this.convertValues(source["tables"], TableRows);
	        this.counts = source["counts"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class BackupSecret {
	    passphrase: string;
	    recoveryKey: string;
	
	    static createFrom(source: any = {}) {
	        return new BackupSecret(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.passphrase = source["passphrase"];
	        this.recoveryKey = source["recoveryKey"];
	    }
	}
	
	export class BillingRequest {
	    clientId: number;
	    paymentId: number;
	    from: string;
	    to: string;
	    legalName: boolean;
	
	    static createFrom(source: any = {}) {
	        return new BillingRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.paymentId = source["paymentId"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.legalName = source["legalName"];
	    }
	}
	export class CalendarDone {
	    saved: boolean;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new CalendarDone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.saved = source["saved"];
	        this.count = source["count"];
	    }
	}
	export class ChosenFile {
	    name: string;
	    folder: string;
	    size: number;
	
	    static createFrom(source: any = {}) {
	        return new ChosenFile(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.folder = source["folder"];
	        this.size = source["size"];
	    }
	}
	export class ExportDone {
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportDone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	    }
	}
	export class PacketChoice {
	    kind: string;
	    title: string;
	    copies: string[];
	    days: number[];
	
	    static createFrom(source: any = {}) {
	        return new PacketChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.copies = source["copies"];
	        this.days = source["days"];
	    }
	}
	export class PacketPreview {
	    title: string;
	    subtitle: string;
	    blocks: packet.OutlineBlock[];
	
	    static createFrom(source: any = {}) {
	        return new PacketPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.subtitle = source["subtitle"];
	        this.blocks = this.convertValues(source["blocks"], packet.OutlineBlock);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class RecoveryKeyView {
	    key: string;
	    groups: string[];
	    confirmLength: number;
	
	    static createFrom(source: any = {}) {
	        return new RecoveryKeyView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.groups = source["groups"];
	        this.confirmLength = source["confirmLength"];
	    }
	}
	export class VaultStatus {
	    state: string;
	    mustSetPassphrase: boolean;
	    profileComplete: boolean;
	    folder: string;
	    version: string;
	    autoLockMinutes: number;
	    coCreationClientId: number;
	    coCreationPreview: boolean;
	    now: string;
	
	    static createFrom(source: any = {}) {
	        return new VaultStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.mustSetPassphrase = source["mustSetPassphrase"];
	        this.profileComplete = source["profileComplete"];
	        this.folder = source["folder"];
	        this.version = source["version"];
	        this.autoLockMinutes = source["autoLockMinutes"];
	        this.coCreationClientId = source["coCreationClientId"];
	        this.coCreationPreview = source["coCreationPreview"];
	        this.now = source["now"];
	    }
	}
	export class RestoreDone {
	    report: BackupReport;
	    replaced: string;
	    vault: VaultStatus;
	
	    static createFrom(source: any = {}) {
	        return new RestoreDone(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.report = this.convertValues(source["report"], BackupReport);
	        this.replaced = source["replaced"];
	        this.vault = this.convertValues(source["vault"], VaultStatus);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	

}

export namespace calendar {
	
	export class Options {
	    wording: string;
	    alarmMinutes: number;
	    place: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Options(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.wording = source["wording"];
	        this.alarmMinutes = source["alarmMinutes"];
	        this.place = source["place"];
	    }
	}
	export class Range {
	    clientId: number;
	    from: string;
	    to: string;
	
	    static createFrom(source: any = {}) {
	        return new Range(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.from = source["from"];
	        this.to = source["to"];
	    }
	}

}

export namespace domain {
	
	export class Allocation {
	    sessionId: number;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new Allocation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.amount = source["amount"];
	    }
	}
	export class Payment {
	    id: number;
	    clientId: number;
	    date: string;
	    amount: number;
	    method: string;
	    note: string;
	    reverses: number;
	    reversedBy: number;
	    allocations: Allocation[];
	    created: string;
	
	    static createFrom(source: any = {}) {
	        return new Payment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.method = source["method"];
	        this.note = source["note"];
	        this.reverses = source["reverses"];
	        this.reversedBy = source["reversedBy"];
	        this.allocations = this.convertValues(source["allocations"], Allocation);
	        this.created = source["created"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SessionFee {
	    sessionId: number;
	    amount: number;
	    basis: string;
	    tierId: number;
	    note: string;
	    noteVisibility: string;
	    agreedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new SessionFee(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.amount = source["amount"];
	        this.basis = source["basis"];
	        this.tierId = source["tierId"];
	        this.note = source["note"];
	        this.noteVisibility = source["noteVisibility"];
	        this.agreedOn = source["agreedOn"];
	    }
	}
	export class SessionAccount {
	    sessionId: number;
	    date: string;
	    kind: string;
	    fee?: SessionFee;
	    paid: number;
	    outstanding: number;
	
	    static createFrom(source: any = {}) {
	        return new SessionAccount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.date = source["date"];
	        this.kind = source["kind"];
	        this.fee = this.convertValues(source["fee"], SessionFee);
	        this.paid = source["paid"];
	        this.outstanding = source["outstanding"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Account {
	    sessions: SessionAccount[];
	    payments: Payment[];
	    fees: number;
	    paid: number;
	    balance: number;
	    unallocated: number;
	
	    static createFrom(source: any = {}) {
	        return new Account(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessions = this.convertValues(source["sessions"], SessionAccount);
	        this.payments = this.convertValues(source["payments"], Payment);
	        this.fees = source["fees"];
	        this.paid = source["paid"];
	        this.balance = source["balance"];
	        this.unallocated = source["unallocated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Addendum {
	    id: number;
	    sessionId: number;
	    at: string;
	    text: string;
	    visibility: string;
	
	    static createFrom(source: any = {}) {
	        return new Addendum(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.at = source["at"];
	        this.text = source["text"];
	        this.visibility = source["visibility"];
	    }
	}
	export class AdverseEvent {
	    id: number;
	    sessionId: number;
	    at: string;
	    description: string;
	    response: string;
	    created: string;
	    visibility: string;
	
	    static createFrom(source: any = {}) {
	        return new AdverseEvent(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.at = source["at"];
	        this.description = source["description"];
	        this.response = source["response"];
	        this.created = source["created"];
	        this.visibility = source["visibility"];
	    }
	}
	export class AgreementVersion {
	    at: string;
	    author: string;
	    title: string;
	    terms: AgreementTerm[];
	    confirmedName: string;
	    confirmedOn: string;
	    templateVersion: number;
	
	    static createFrom(source: any = {}) {
	        return new AgreementVersion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.author = source["author"];
	        this.title = source["title"];
	        this.terms = this.convertValues(source["terms"], AgreementTerm);
	        this.confirmedName = source["confirmedName"];
	        this.confirmedOn = source["confirmedOn"];
	        this.templateVersion = source["templateVersion"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AgreementTerm {
	    key: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new AgreementTerm(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.text = source["text"];
	    }
	}
	export class Agreement {
	    id: number;
	    clientId: number;
	    kind: string;
	    title: string;
	    terms: AgreementTerm[];
	    confirmedName: string;
	    confirmedOn: string;
	    updated: string;
	    templateVersion: number;
	    versions: AgreementVersion[];
	
	    static createFrom(source: any = {}) {
	        return new Agreement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.terms = this.convertValues(source["terms"], AgreementTerm);
	        this.confirmedName = source["confirmedName"];
	        this.confirmedOn = source["confirmedOn"];
	        this.updated = source["updated"];
	        this.templateVersion = source["templateVersion"];
	        this.versions = this.convertValues(source["versions"], AgreementVersion);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	export class Answer {
	    item: number;
	    value: number;
	
	    static createFrom(source: any = {}) {
	        return new Answer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.value = source["value"];
	    }
	}
	export class Appointment {
	    id: number;
	    clientId: number;
	    kind: string;
	    date: string;
	    time: string;
	    timeZone: string;
	    minutes: number;
	    modality: string;
	    place: string;
	    notes: string;
	    seriesId: number;
	    status: string;
	    reason: string;
	    sessionId: number;
	    sequence: number;
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Appointment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.time = source["time"];
	        this.timeZone = source["timeZone"];
	        this.minutes = source["minutes"];
	        this.modality = source["modality"];
	        this.place = source["place"];
	        this.notes = source["notes"];
	        this.seriesId = source["seriesId"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.sessionId = source["sessionId"];
	        this.sequence = source["sequence"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	}
	export class AppointmentRow {
	    id: number;
	    clientId: number;
	    kind: string;
	    date: string;
	    time: string;
	    timeZone: string;
	    minutes: number;
	    modality: string;
	    place: string;
	    notes: string;
	    seriesId: number;
	    status: string;
	    reason: string;
	    sessionId: number;
	    sequence: number;
	    created: string;
	    updated: string;
	    clientName: string;
	    clientCode: string;
	
	    static createFrom(source: any = {}) {
	        return new AppointmentRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.time = source["time"];
	        this.timeZone = source["timeZone"];
	        this.minutes = source["minutes"];
	        this.modality = source["modality"];
	        this.place = source["place"];
	        this.notes = source["notes"];
	        this.seriesId = source["seriesId"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.sessionId = source["sessionId"];
	        this.sequence = source["sequence"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.clientName = source["clientName"];
	        this.clientCode = source["clientCode"];
	    }
	}
	export class BackupSettings {
	    folder: string;
	    auto: boolean;
	    keepDaily: number;
	    keepWeekly: number;
	    keepMonthly: number;
	
	    static createFrom(source: any = {}) {
	        return new BackupSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folder = source["folder"];
	        this.auto = source["auto"];
	        this.keepDaily = source["keepDaily"];
	        this.keepWeekly = source["keepWeekly"];
	        this.keepMonthly = source["keepMonthly"];
	    }
	}
	export class Band {
	    min: number;
	    max: number;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Band(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.min = source["min"];
	        this.max = source["max"];
	        this.label = source["label"];
	    }
	}
	export class Identity {
	    facet: string;
	    description: string;
	
	    static createFrom(source: any = {}) {
	        return new Identity(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.facet = source["facet"];
	        this.description = source["description"];
	    }
	}
	export class Client {
	    id: number;
	    chosenName: string;
	    pronouns: string;
	    legalName: string;
	    dateOfBirth: string;
	    email: string;
	    phone: string;
	    address: string;
	    emergencyContact: string;
	    languages: string;
	    identities: Identity[];
	    status: string;
	    created: string;
	    updated: string;
	    sharePositionality: boolean;
	    agenda: string[];
	    archived: string;
	    intakeNote: string;
	
	    static createFrom(source: any = {}) {
	        return new Client(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.chosenName = source["chosenName"];
	        this.pronouns = source["pronouns"];
	        this.legalName = source["legalName"];
	        this.dateOfBirth = source["dateOfBirth"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	        this.emergencyContact = source["emergencyContact"];
	        this.languages = source["languages"];
	        this.identities = this.convertValues(source["identities"], Identity);
	        this.status = source["status"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.sharePositionality = source["sharePositionality"];
	        this.agenda = source["agenda"];
	        this.archived = source["archived"];
	        this.intakeNote = source["intakeNote"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ClientBalance {
	    clientId: number;
	    name: string;
	    balance: number;
	
	    static createFrom(source: any = {}) {
	        return new ClientBalance(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.name = source["name"];
	        this.balance = source["balance"];
	    }
	}
	export class TierChoice {
	    id: number;
	    clientId: number;
	    tierId: number;
	    tierName: string;
	    chosenOn: string;
	    by: string;
	    reason: string;
	    confirmedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new TierChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.tierId = source["tierId"];
	        this.tierName = source["tierName"];
	        this.chosenOn = source["chosenOn"];
	        this.by = source["by"];
	        this.reason = source["reason"];
	        this.confirmedOn = source["confirmedOn"];
	    }
	}
	export class KindFees {
	    preparation: number;
	    medicine: number;
	    integration: number;
	    other: number;
	
	    static createFrom(source: any = {}) {
	        return new KindFees(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preparation = source["preparation"];
	        this.medicine = source["medicine"];
	        this.integration = source["integration"];
	        this.other = source["other"];
	    }
	}
	export class FeeTier {
	    id: number;
	    name: string;
	    description: string;
	    fees: KindFees;
	    position: number;
	    retired: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FeeTier(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.fees = this.convertValues(source["fees"], KindFees);
	        this.position = source["position"];
	        this.retired = source["retired"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FeePolicy {
	    currency: string;
	    reasoning: string;
	    choiceMode: string;
	    tiers: FeeTier[];
	
	    static createFrom(source: any = {}) {
	        return new FeePolicy(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = source["currency"];
	        this.reasoning = source["reasoning"];
	        this.choiceMode = source["choiceMode"];
	        this.tiers = this.convertValues(source["tiers"], FeeTier);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Currency {
	    code: string;
	    name: string;
	    digits: number;
	    symbol: string;
	    spaced: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Currency(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.name = source["name"];
	        this.digits = source["digits"];
	        this.symbol = source["symbol"];
	        this.spaced = source["spaced"];
	    }
	}
	export class ClientFees {
	    clientId: number;
	    currency: Currency;
	    policy: FeePolicy;
	    choices: TierChoice[];
	    current?: TierChoice;
	    pending?: TierChoice;
	    account: Account;
	
	    static createFrom(source: any = {}) {
	        return new ClientFees(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.currency = this.convertValues(source["currency"], Currency);
	        this.policy = this.convertValues(source["policy"], FeePolicy);
	        this.choices = this.convertValues(source["choices"], TierChoice);
	        this.current = this.convertValues(source["current"], TierChoice);
	        this.pending = this.convertValues(source["pending"], TierChoice);
	        this.account = this.convertValues(source["account"], Account);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ClientFilter {
	    query: string;
	    status: string;
	    archived: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ClientFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.status = source["status"];
	        this.archived = source["archived"];
	    }
	}
	export class HistoryEntry {
	    id: number;
	    at: string;
	    actor: string;
	    clientId: number;
	    entity: string;
	    entityId: number;
	    action: string;
	    before: string;
	    after: string;
	
	    static createFrom(source: any = {}) {
	        return new HistoryEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.at = source["at"];
	        this.actor = source["actor"];
	        this.clientId = source["clientId"];
	        this.entity = source["entity"];
	        this.entityId = source["entityId"];
	        this.action = source["action"];
	        this.before = source["before"];
	        this.after = source["after"];
	    }
	}
	export class Reflection {
	    id: number;
	    clientId: number;
	    writtenOn: string;
	    kind: string;
	    text: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Reflection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.writtenOn = source["writtenOn"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.updated = source["updated"];
	    }
	}
	export class ScreeningAnswer {
	    itemId: number;
	    item: string;
	    answer: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new ScreeningAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.itemId = source["itemId"];
	        this.item = source["item"];
	        this.answer = source["answer"];
	        this.note = source["note"];
	    }
	}
	export class Screening {
	    id: number;
	    clientId: number;
	    screenedOn: string;
	    answeredBy: string;
	    note: string;
	    answers: ScreeningAnswer[];
	    created: string;
	
	    static createFrom(source: any = {}) {
	        return new Screening(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.screenedOn = source["screenedOn"];
	        this.answeredBy = source["answeredBy"];
	        this.note = source["note"];
	        this.answers = this.convertValues(source["answers"], ScreeningAnswer);
	        this.created = source["created"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Medication {
	    id: number;
	    clientId: number;
	    name: string;
	    dose: string;
	    since: string;
	    prescriber: string;
	    notes: string;
	    stoppedOn: string;
	    author: string;
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Medication(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.name = source["name"];
	        this.dose = source["dose"];
	        this.since = source["since"];
	        this.prescriber = source["prescriber"];
	        this.notes = source["notes"];
	        this.stoppedOn = source["stoppedOn"];
	        this.author = source["author"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	}
	export class Health {
	    medications: Medication[];
	    allergies: string;
	    history: string;
	    updated: string;
	    screenings: Screening[];
	
	    static createFrom(source: any = {}) {
	        return new Health(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.medications = this.convertValues(source["medications"], Medication);
	        this.allergies = source["allergies"];
	        this.history = source["history"];
	        this.updated = source["updated"];
	        this.screenings = this.convertValues(source["screenings"], Screening);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Revision {
	    at: string;
	    author: string;
	    text: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Revision(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.author = source["author"];
	        this.text = source["text"];
	        this.note = source["note"];
	    }
	}
	export class PlanItem {
	    id: number;
	    clientId: number;
	    kind: string;
	    text: string;
	    proposedBy: string;
	    status: string;
	    agreedOn: string;
	    retiredReason: string;
	    position: number;
	    created: string;
	    revisions: Revision[];
	
	    static createFrom(source: any = {}) {
	        return new PlanItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.proposedBy = source["proposedBy"];
	        this.status = source["status"];
	        this.agreedOn = source["agreedOn"];
	        this.retiredReason = source["retiredReason"];
	        this.position = source["position"];
	        this.created = source["created"];
	        this.revisions = this.convertValues(source["revisions"], Revision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SharedStatement {
	    text: string;
	    dated: string;
	
	    static createFrom(source: any = {}) {
	        return new SharedStatement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.dated = source["dated"];
	    }
	}
	export class PowerMapEntry {
	    id: number;
	    clientId: number;
	    writtenOn: string;
	    difference: string;
	    showsUp: string;
	    agreed: string;
	    visibility: string;
	    author: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new PowerMapEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.writtenOn = source["writtenOn"];
	        this.difference = source["difference"];
	        this.showsUp = source["showsUp"];
	        this.agreed = source["agreed"];
	        this.visibility = source["visibility"];
	        this.author = source["author"];
	        this.updated = source["updated"];
	    }
	}
	export class ClientRecord {
	    client: Client;
	    powerMap: PowerMapEntry[];
	    therapistPositionality: SharedStatement;
	    plan: PlanItem[];
	    agreements: Agreement[];
	    health: Health;
	    reflections: Reflection[];
	    history: HistoryEntry[];
	
	    static createFrom(source: any = {}) {
	        return new ClientRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.client = this.convertValues(source["client"], Client);
	        this.powerMap = this.convertValues(source["powerMap"], PowerMapEntry);
	        this.therapistPositionality = this.convertValues(source["therapistPositionality"], SharedStatement);
	        this.plan = this.convertValues(source["plan"], PlanItem);
	        this.agreements = this.convertValues(source["agreements"], Agreement);
	        this.health = this.convertValues(source["health"], Health);
	        this.reflections = this.convertValues(source["reflections"], Reflection);
	        this.history = this.convertValues(source["history"], HistoryEntry);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ClientSummary {
	    id: number;
	    chosenName: string;
	    pronouns: string;
	    status: string;
	    updated: string;
	    archived: boolean;
	    powerMapRevisited: string;
	
	    static createFrom(source: any = {}) {
	        return new ClientSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.chosenName = source["chosenName"];
	        this.pronouns = source["pronouns"];
	        this.status = source["status"];
	        this.updated = source["updated"];
	        this.archived = source["archived"];
	        this.powerMapRevisited = source["powerMapRevisited"];
	    }
	}
	export class Commitment {
	    id: number;
	    kind: string;
	    description: string;
	    organisation: string;
	    everyN: number;
	    basisPoints: number;
	    since: string;
	    until: string;
	
	    static createFrom(source: any = {}) {
	        return new Commitment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.description = source["description"];
	        this.organisation = source["organisation"];
	        this.everyN = source["everyN"];
	        this.basisPoints = source["basisPoints"];
	        this.since = source["since"];
	        this.until = source["until"];
	    }
	}
	export class CommitmentYear {
	    commitmentId: number;
	    expected: number;
	    done: number;
	    kept: boolean;
	
	    static createFrom(source: any = {}) {
	        return new CommitmentYear(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.commitmentId = source["commitmentId"];
	        this.expected = source["expected"];
	        this.done = source["done"];
	        this.kept = source["kept"];
	    }
	}
	export class ConsentTemplate {
	    version: number;
	    title: string;
	    terms: AgreementTerm[];
	    created: string;
	
	    static createFrom(source: any = {}) {
	        return new ConsentTemplate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.title = source["title"];
	        this.terms = this.convertValues(source["terms"], AgreementTerm);
	        this.created = source["created"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class DueItem {
	    kind: string;
	    clientId: number;
	    clientName: string;
	    sessionId: number;
	    agreementId: number;
	    appointmentId: number;
	    date: string;
	    amount: number;
	    instrumentKey: string;
	    instrument: string;
	    measureId: number;
	
	    static createFrom(source: any = {}) {
	        return new DueItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.clientId = source["clientId"];
	        this.clientName = source["clientName"];
	        this.sessionId = source["sessionId"];
	        this.agreementId = source["agreementId"];
	        this.appointmentId = source["appointmentId"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.instrumentKey = source["instrumentKey"];
	        this.instrument = source["instrument"];
	        this.measureId = source["measureId"];
	    }
	}
	
	
	export class Gift {
	    id: number;
	    date: string;
	    amount: number;
	    organisation: string;
	    note: string;
	    commitmentId: number;
	
	    static createFrom(source: any = {}) {
	        return new Gift(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.organisation = source["organisation"];
	        this.note = source["note"];
	        this.commitmentId = source["commitmentId"];
	    }
	}
	export class ReciprocityYear {
	    year: string;
	    sessions: number;
	    free: number;
	    income: number;
	    given: number;
	    commitments: CommitmentYear[];
	
	    static createFrom(source: any = {}) {
	        return new ReciprocityYear(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.year = source["year"];
	        this.sessions = source["sessions"];
	        this.free = source["free"];
	        this.income = source["income"];
	        this.given = source["given"];
	        this.commitments = this.convertValues(source["commitments"], CommitmentYear);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class KindCounts {
	    preparation: number;
	    medicine: number;
	    integration: number;
	    other: number;
	
	    static createFrom(source: any = {}) {
	        return new KindCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.preparation = source["preparation"];
	        this.medicine = source["medicine"];
	        this.integration = source["integration"];
	        this.other = source["other"];
	    }
	}
	export class PeriodSummary {
	    period: string;
	    income: number;
	    sessions: KindCounts;
	    free: number;
	    given: number;
	
	    static createFrom(source: any = {}) {
	        return new PeriodSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.period = source["period"];
	        this.income = source["income"];
	        this.sessions = this.convertValues(source["sessions"], KindCounts);
	        this.free = source["free"];
	        this.given = source["given"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class FeesOverview {
	    currency: Currency;
	    months: PeriodSummary[];
	    years: PeriodSummary[];
	    outstanding: ClientBalance[];
	    reciprocity: ReciprocityYear[];
	    commitments: Commitment[];
	    gifts: Gift[];
	
	    static createFrom(source: any = {}) {
	        return new FeesOverview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.currency = this.convertValues(source["currency"], Currency);
	        this.months = this.convertValues(source["months"], PeriodSummary);
	        this.years = this.convertValues(source["years"], PeriodSummary);
	        this.outstanding = this.convertValues(source["outstanding"], ClientBalance);
	        this.reciprocity = this.convertValues(source["reciprocity"], ReciprocityYear);
	        this.commitments = this.convertValues(source["commitments"], Commitment);
	        this.gifts = this.convertValues(source["gifts"], Gift);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Flag {
	    item: number;
	    value: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new Flag(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.value = source["value"];
	        this.note = source["note"];
	    }
	}
	
	
	
	
	export class SafetyItem {
	    item: number;
	    above: number;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new SafetyItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.item = source["item"];
	        this.above = source["above"];
	        this.note = source["note"];
	    }
	}
	export class Subscale {
	    key: string;
	    name: string;
	    items: number[];
	    scoring: string;
	    maxMissing: number;
	    bands: Band[];
	
	    static createFrom(source: any = {}) {
	        return new Subscale(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.name = source["name"];
	        this.items = source["items"];
	        this.scoring = source["scoring"];
	        this.maxMissing = source["maxMissing"];
	        this.bands = this.convertValues(source["bands"], Band);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Item {
	    number: number;
	    text: string;
	    reverse: boolean;
	    unscored: boolean;
	    options: Option[];
	
	    static createFrom(source: any = {}) {
	        return new Item(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.number = source["number"];
	        this.text = source["text"];
	        this.reverse = source["reverse"];
	        this.unscored = source["unscored"];
	        this.options = this.convertValues(source["options"], Option);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Option {
	    value: number;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class Instrument {
	    key: string;
	    name: string;
	    shortName: string;
	    version: number;
	    builtIn: boolean;
	    instructions: string;
	    stem: string;
	    scaleMin: number;
	    scaleMax: number;
	    options: Option[];
	    items: Item[];
	    scoring: string;
	    maxMissing: number;
	    missingNote: string;
	    bands: Band[];
	    bandNote: string;
	    subscales: Subscale[];
	    safety: SafetyItem[];
	    licence: string;
	    source: string;
	    reliableChange: number;
	    reliableChangeSource: string;
	
	    static createFrom(source: any = {}) {
	        return new Instrument(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.name = source["name"];
	        this.shortName = source["shortName"];
	        this.version = source["version"];
	        this.builtIn = source["builtIn"];
	        this.instructions = source["instructions"];
	        this.stem = source["stem"];
	        this.scaleMin = source["scaleMin"];
	        this.scaleMax = source["scaleMax"];
	        this.options = this.convertValues(source["options"], Option);
	        this.items = this.convertValues(source["items"], Item);
	        this.scoring = source["scoring"];
	        this.maxMissing = source["maxMissing"];
	        this.missingNote = source["missingNote"];
	        this.bands = this.convertValues(source["bands"], Band);
	        this.bandNote = source["bandNote"];
	        this.subscales = this.convertValues(source["subscales"], Subscale);
	        this.safety = this.convertValues(source["safety"], SafetyItem);
	        this.licence = source["licence"];
	        this.source = source["source"];
	        this.reliableChange = source["reliableChange"];
	        this.reliableChangeSource = source["reliableChangeSource"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SubscaleResult {
	    key: string;
	    name: string;
	    hasScore: boolean;
	    score: number;
	    prorated: boolean;
	    missing: number;
	    band: string;
	
	    static createFrom(source: any = {}) {
	        return new SubscaleResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.key = source["key"];
	        this.name = source["name"];
	        this.hasScore = source["hasScore"];
	        this.score = source["score"];
	        this.prorated = source["prorated"];
	        this.missing = source["missing"];
	        this.band = source["band"];
	    }
	}
	export class Result {
	    instrumentKey: string;
	    instrumentVersion: number;
	    answered: number;
	    missing: number;
	    missingItems: number[];
	    hasTotal: boolean;
	    total: number;
	    prorated: boolean;
	    band: string;
	    subscales: SubscaleResult[];
	    flags: Flag[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.instrumentKey = source["instrumentKey"];
	        this.instrumentVersion = source["instrumentVersion"];
	        this.answered = source["answered"];
	        this.missing = source["missing"];
	        this.missingItems = source["missingItems"];
	        this.hasTotal = source["hasTotal"];
	        this.total = source["total"];
	        this.prorated = source["prorated"];
	        this.band = source["band"];
	        this.subscales = this.convertValues(source["subscales"], SubscaleResult);
	        this.flags = this.convertValues(source["flags"], Flag);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Measure {
	    id: number;
	    clientId: number;
	    sessionId: number;
	    date: string;
	    instrument: Instrument;
	    answers: Answer[];
	    result: Result;
	    enteredBy: string;
	    notes: string;
	    followUp: string;
	    followUpOn: string;
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Measure(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.sessionId = source["sessionId"];
	        this.date = source["date"];
	        this.instrument = this.convertValues(source["instrument"], Instrument);
	        this.answers = this.convertValues(source["answers"], Answer);
	        this.result = this.convertValues(source["result"], Result);
	        this.enteredBy = source["enteredBy"];
	        this.notes = source["notes"];
	        this.followUp = source["followUp"];
	        this.followUpOn = source["followUpOn"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Resource {
	    id: number;
	    clientId: number;
	    kind: string;
	    name: string;
	    whenHelped: string;
	    helps: number;
	    proposedBy: string;
	    revisions: Revision[];
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Resource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.name = source["name"];
	        this.whenHelped = source["whenHelped"];
	        this.helps = source["helps"];
	        this.proposedBy = source["proposedBy"];
	        this.revisions = this.convertValues(source["revisions"], Revision);
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class PatternChange {
	    on: string;
	    status: string;
	    note: string;
	    by: string;
	
	    static createFrom(source: any = {}) {
	        return new PatternChange(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.on = source["on"];
	        this.status = source["status"];
	        this.note = source["note"];
	        this.by = source["by"];
	    }
	}
	export class Pattern {
	    id: number;
	    clientId: number;
	    name: string;
	    examples: string;
	    examplesVisibility: string;
	    proposedBy: string;
	    status: string;
	    statuses: PatternChange[];
	    shiftIds: number[];
	    sessionIds: number[];
	    revisions: Revision[];
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Pattern(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.name = source["name"];
	        this.examples = source["examples"];
	        this.examplesVisibility = source["examplesVisibility"];
	        this.proposedBy = source["proposedBy"];
	        this.status = source["status"];
	        this.statuses = this.convertValues(source["statuses"], PatternChange);
	        this.shiftIds = source["shiftIds"];
	        this.sessionIds = source["sessionIds"];
	        this.revisions = this.convertValues(source["revisions"], Revision);
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Shift {
	    id: number;
	    clientId: number;
	    sessionId: number;
	    noticedOn: string;
	    dayCount: number;
	    area: string;
	    description: string;
	    justNoticing: boolean;
	    intensity: number;
	    recordedBy: string;
	    meaning: string;
	    meaningOn: string;
	    meaningBy: string;
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Shift(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.sessionId = source["sessionId"];
	        this.noticedOn = source["noticedOn"];
	        this.dayCount = source["dayCount"];
	        this.area = source["area"];
	        this.description = source["description"];
	        this.justNoticing = source["justNoticing"];
	        this.intensity = source["intensity"];
	        this.recordedBy = source["recordedBy"];
	        this.meaning = source["meaning"];
	        this.meaningOn = source["meaningOn"];
	        this.meaningBy = source["meaningBy"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	}
	export class LogEntry {
	    id: number;
	    sessionId: number;
	    at: string;
	    clock: string;
	    kind: string;
	    text: string;
	    substance: string;
	    amount: string;
	    route: string;
	    systolic: number;
	    diastolic: number;
	    pulse: number;
	    spo2: number;
	    temperature: number;
	    touch: string;
	    outsideAgreement: boolean;
	    adverseEventId: number;
	    author: string;
	    visibility: string;
	
	    static createFrom(source: any = {}) {
	        return new LogEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.at = source["at"];
	        this.clock = source["clock"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.substance = source["substance"];
	        this.amount = source["amount"];
	        this.route = source["route"];
	        this.systolic = source["systolic"];
	        this.diastolic = source["diastolic"];
	        this.pulse = source["pulse"];
	        this.spo2 = source["spo2"];
	        this.temperature = source["temperature"];
	        this.touch = source["touch"];
	        this.outsideAgreement = source["outsideAgreement"];
	        this.adverseEventId = source["adverseEventId"];
	        this.author = source["author"];
	        this.visibility = source["visibility"];
	    }
	}
	export class SessionPrep {
	    sessionId: number;
	    supportPerson: string;
	    wayHome: string;
	    flagsDecision: string;
	    flagsScreeningId: number;
	    flagsDecidedAt: string;
	    goAheadReason: string;
	    goAheadAt: string;
	
	    static createFrom(source: any = {}) {
	        return new SessionPrep(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.supportPerson = source["supportPerson"];
	        this.wayHome = source["wayHome"];
	        this.flagsDecision = source["flagsDecision"];
	        this.flagsScreeningId = source["flagsScreeningId"];
	        this.flagsDecidedAt = source["flagsDecidedAt"];
	        this.goAheadReason = source["goAheadReason"];
	        this.goAheadAt = source["goAheadAt"];
	    }
	}
	export class MedicineDetails {
	    substance: string;
	    dose: string;
	    times: string;
	
	    static createFrom(source: any = {}) {
	        return new MedicineDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.substance = source["substance"];
	        this.dose = source["dose"];
	        this.times = source["times"];
	    }
	}
	export class SettingElement {
	    id: number;
	    sessionId: number;
	    category: string;
	    text: string;
	    proposedBy: string;
	    comfort: string;
	    therapistComfort: string;
	    status: string;
	    position: number;
	    revisions: Revision[];
	
	    static createFrom(source: any = {}) {
	        return new SettingElement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.sessionId = source["sessionId"];
	        this.category = source["category"];
	        this.text = source["text"];
	        this.proposedBy = source["proposedBy"];
	        this.comfort = source["comfort"];
	        this.therapistComfort = source["therapistComfort"];
	        this.status = source["status"];
	        this.position = source["position"];
	        this.revisions = this.convertValues(source["revisions"], Revision);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Session {
	    id: number;
	    clientId: number;
	    kind: string;
	    date: string;
	    time: string;
	    timeZone: string;
	    minutes: number;
	    modality: string;
	    place: string;
	    summary: string;
	    privateNotes: string;
	    practice: string;
	    somatic: string;
	    somaticVisibility: string;
	    resourcing: string;
	    intentionIds: number[];
	    setting: SettingElement[];
	    medicine: MedicineDetails;
	    adverseEvents: AdverseEvent[];
	    prep: SessionPrep;
	    log: LogEntry[];
	    finalisedAt: string;
	    addenda: Addendum[];
	    created: string;
	    updated: string;
	
	    static createFrom(source: any = {}) {
	        return new Session(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.date = source["date"];
	        this.time = source["time"];
	        this.timeZone = source["timeZone"];
	        this.minutes = source["minutes"];
	        this.modality = source["modality"];
	        this.place = source["place"];
	        this.summary = source["summary"];
	        this.privateNotes = source["privateNotes"];
	        this.practice = source["practice"];
	        this.somatic = source["somatic"];
	        this.somaticVisibility = source["somaticVisibility"];
	        this.resourcing = source["resourcing"];
	        this.intentionIds = source["intentionIds"];
	        this.setting = this.convertValues(source["setting"], SettingElement);
	        this.medicine = this.convertValues(source["medicine"], MedicineDetails);
	        this.adverseEvents = this.convertValues(source["adverseEvents"], AdverseEvent);
	        this.prep = this.convertValues(source["prep"], SessionPrep);
	        this.log = this.convertValues(source["log"], LogEntry);
	        this.finalisedAt = source["finalisedAt"];
	        this.addenda = this.convertValues(source["addenda"], Addendum);
	        this.created = source["created"];
	        this.updated = source["updated"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class IntegrationRecord {
	    clientId: number;
	    sessions: Session[];
	    shifts: Shift[];
	    patterns: Pattern[];
	    resources: Resource[];
	    measures: Measure[];
	
	    static createFrom(source: any = {}) {
	        return new IntegrationRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.sessions = this.convertValues(source["sessions"], Session);
	        this.shifts = this.convertValues(source["shifts"], Shift);
	        this.patterns = this.convertValues(source["patterns"], Pattern);
	        this.resources = this.convertValues(source["resources"], Resource);
	        this.measures = this.convertValues(source["measures"], Measure);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class MeasureSchedule {
	    id: number;
	    clientId: number;
	    instrumentKey: string;
	    kind: string;
	    everyWeeks: number;
	    startsOn: string;
	    created: string;
	
	    static createFrom(source: any = {}) {
	        return new MeasureSchedule(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.instrumentKey = source["instrumentKey"];
	        this.kind = source["kind"];
	        this.everyWeeks = source["everyWeeks"];
	        this.startsOn = source["startsOn"];
	        this.created = source["created"];
	    }
	}
	
	
	export class NewAgreement {
	    clientId: number;
	    kind: string;
	    title: string;
	    terms: AgreementTerm[];
	
	    static createFrom(source: any = {}) {
	        return new NewAgreement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.title = source["title"];
	        this.terms = this.convertValues(source["terms"], AgreementTerm);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NewLogEntry {
	    sessionId: number;
	    kind: string;
	    at: string;
	    text: string;
	    substance: string;
	    amount: string;
	    route: string;
	    systolic: number;
	    diastolic: number;
	    pulse: number;
	    spo2: number;
	    temperature: number;
	    touch: string;
	    outsideAgreement: boolean;
	    visibility: string;
	
	    static createFrom(source: any = {}) {
	        return new NewLogEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.kind = source["kind"];
	        this.at = source["at"];
	        this.text = source["text"];
	        this.substance = source["substance"];
	        this.amount = source["amount"];
	        this.route = source["route"];
	        this.systolic = source["systolic"];
	        this.diastolic = source["diastolic"];
	        this.pulse = source["pulse"];
	        this.spo2 = source["spo2"];
	        this.temperature = source["temperature"];
	        this.touch = source["touch"];
	        this.outsideAgreement = source["outsideAgreement"];
	        this.visibility = source["visibility"];
	    }
	}
	export class NewPattern {
	    clientId: number;
	    name: string;
	    examples: string;
	    examplesVisibility: string;
	    proposedBy: string;
	    noticedOn: string;
	
	    static createFrom(source: any = {}) {
	        return new NewPattern(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.name = source["name"];
	        this.examples = source["examples"];
	        this.examplesVisibility = source["examplesVisibility"];
	        this.proposedBy = source["proposedBy"];
	        this.noticedOn = source["noticedOn"];
	    }
	}
	export class NewPayment {
	    clientId: number;
	    date: string;
	    amount: number;
	    method: string;
	    note: string;
	    allocations: Allocation[];
	
	    static createFrom(source: any = {}) {
	        return new NewPayment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.date = source["date"];
	        this.amount = source["amount"];
	        this.method = source["method"];
	        this.note = source["note"];
	        this.allocations = this.convertValues(source["allocations"], Allocation);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NewPlanItem {
	    clientId: number;
	    kind: string;
	    text: string;
	    proposedBy: string;
	
	    static createFrom(source: any = {}) {
	        return new NewPlanItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.proposedBy = source["proposedBy"];
	    }
	}
	export class NewScreening {
	    clientId: number;
	    screenedOn: string;
	    answeredBy: string;
	    note: string;
	    answers: ScreeningAnswer[];
	
	    static createFrom(source: any = {}) {
	        return new NewScreening(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.screenedOn = source["screenedOn"];
	        this.answeredBy = source["answeredBy"];
	        this.note = source["note"];
	        this.answers = this.convertValues(source["answers"], ScreeningAnswer);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NewSettingElement {
	    sessionId: number;
	    category: string;
	    text: string;
	    proposedBy: string;
	    comfort: string;
	
	    static createFrom(source: any = {}) {
	        return new NewSettingElement(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.category = source["category"];
	        this.text = source["text"];
	        this.proposedBy = source["proposedBy"];
	        this.comfort = source["comfort"];
	    }
	}
	
	export class PassphraseCheck {
	    ok: boolean;
	    message: string;
	    hint: string;
	
	    static createFrom(source: any = {}) {
	        return new PassphraseCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.message = source["message"];
	        this.hint = source["hint"];
	    }
	}
	
	
	
	
	
	
	export class Practice {
	    name: string;
	    greetingName: string;
	    credentials: string;
	    email: string;
	    phone: string;
	    address: string;
	    website: string;
	    positionality: string;
	    positionalityDated: string;
	
	    static createFrom(source: any = {}) {
	        return new Practice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.greetingName = source["greetingName"];
	        this.credentials = source["credentials"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	        this.website = source["website"];
	        this.positionality = source["positionality"];
	        this.positionalityDated = source["positionalityDated"];
	    }
	}
	export class ReadinessCheck {
	    rule: string;
	    met: boolean;
	    missing: string;
	
	    static createFrom(source: any = {}) {
	        return new ReadinessCheck(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rule = source["rule"];
	        this.met = source["met"];
	        this.missing = source["missing"];
	    }
	}
	export class Readiness {
	    sessionId: number;
	    checks: ReadinessCheck[];
	    ready: boolean;
	    screening: Screening;
	    flags: ScreeningAnswer[];
	    consentVersion: number;
	    prep: SessionPrep;
	
	    static createFrom(source: any = {}) {
	        return new Readiness(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.sessionId = source["sessionId"];
	        this.checks = this.convertValues(source["checks"], ReadinessCheck);
	        this.ready = source["ready"];
	        this.screening = this.convertValues(source["screening"], Screening);
	        this.flags = this.convertValues(source["flags"], ScreeningAnswer);
	        this.consentVersion = source["consentVersion"];
	        this.prep = this.convertValues(source["prep"], SessionPrep);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class ReadinessSettings {
	    screeningDays: number;
	    off: string[];
	
	    static createFrom(source: any = {}) {
	        return new ReadinessSettings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.screeningDays = source["screeningDays"];
	        this.off = source["off"];
	    }
	}
	
	
	export class Repeat {
	    everyWeeks: number;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new Repeat(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.everyWeeks = source["everyWeeks"];
	        this.count = source["count"];
	    }
	}
	
	
	export class ReturnedItem {
	    id: string;
	    noticedOn: string;
	    area: string;
	    intensity: number;
	    justNoticing: boolean;
	    words: string;
	    already: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReturnedItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.noticedOn = source["noticedOn"];
	        this.area = source["area"];
	        this.intensity = source["intensity"];
	        this.justNoticing = source["justNoticing"];
	        this.words = source["words"];
	        this.already = source["already"];
	    }
	}
	export class ReturnPreview {
	    clientId: number;
	    clientName: string;
	    sessionId: number;
	    sessionDate: string;
	    writtenAt: string;
	    entries: ReturnedItem[];
	
	    static createFrom(source: any = {}) {
	        return new ReturnPreview(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clientId = source["clientId"];
	        this.clientName = source["clientName"];
	        this.sessionId = source["sessionId"];
	        this.sessionDate = source["sessionDate"];
	        this.writtenAt = source["writtenAt"];
	        this.entries = this.convertValues(source["entries"], ReturnedItem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class ScreeningItem {
	    id: number;
	    text: string;
	    position: number;
	    retired: string;
	
	    static createFrom(source: any = {}) {
	        return new ScreeningItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.text = source["text"];
	        this.position = source["position"];
	        this.retired = source["retired"];
	    }
	}
	export class SearchHit {
	    kind: string;
	    id: number;
	    clientId: number;
	    clientName: string;
	    date: string;
	    excerpt: string;
	
	    static createFrom(source: any = {}) {
	        return new SearchHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.id = source["id"];
	        this.clientId = source["clientId"];
	        this.clientName = source["clientName"];
	        this.date = source["date"];
	        this.excerpt = source["excerpt"];
	    }
	}
	export class SearchResult {
	    query: string;
	    hits: SearchHit[];
	    capped: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SearchResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.hits = this.convertValues(source["hits"], SearchHit);
	        this.capped = source["capped"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	
	
	
	export class Settings {
	    autoLockMinutes: number;
	    hasPin: boolean;
	    recordMedicine: boolean;
	    paperSize: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.autoLockMinutes = source["autoLockMinutes"];
	        this.hasPin = source["hasPin"];
	        this.recordMedicine = source["recordMedicine"];
	        this.paperSize = source["paperSize"];
	    }
	}
	
	
	
	
	
	export class Today {
	    date: string;
	    appointments: AppointmentRow[];
	    due: DueItem[];
	    currency: Currency;
	
	    static createFrom(source: any = {}) {
	        return new Today(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.date = source["date"];
	        this.appointments = this.convertValues(source["appointments"], AppointmentRow);
	        this.due = this.convertValues(source["due"], DueItem);
	        this.currency = this.convertValues(source["currency"], Currency);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace packet {
	
	export class OutlineBlock {
	    kind: string;
	    level: number;
	    style: string;
	    text: string;
	    columns: string[];
	    rows: string[][];
	    items: string[];
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new OutlineBlock(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.level = source["level"];
	        this.style = source["style"];
	        this.text = source["text"];
	        this.columns = source["columns"];
	        this.rows = source["rows"];
	        this.items = source["items"];
	        this.count = source["count"];
	    }
	}

}

