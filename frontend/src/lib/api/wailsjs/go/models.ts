export namespace app {
	
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
	    }
	}

}

export namespace domain {
	
	export class AgreementVersion {
	    at: string;
	    author: string;
	    title: string;
	    terms: AgreementTerm[];
	    confirmedName: string;
	    confirmedOn: string;
	
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
	    plan: PlanItem[];
	    agreements: Agreement[];
	    reflections: Reflection[];
	    history: HistoryEntry[];
	
	    static createFrom(source: any = {}) {
	        return new ClientRecord(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.client = this.convertValues(source["client"], Client);
	        this.powerMap = this.convertValues(source["powerMap"], PowerMapEntry);
	        this.plan = this.convertValues(source["plan"], PlanItem);
	        this.agreements = this.convertValues(source["agreements"], Agreement);
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
	        this.credentials = source["credentials"];
	        this.email = source["email"];
	        this.phone = source["phone"];
	        this.address = source["address"];
	        this.website = source["website"];
	        this.positionality = source["positionality"];
	        this.positionalityDated = source["positionalityDated"];
	    }
	}
	
	
	export class Settings {
	    autoLockMinutes: number;
	    hasPin: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.autoLockMinutes = source["autoLockMinutes"];
	        this.hasPin = source["hasPin"];
	    }
	}

}

