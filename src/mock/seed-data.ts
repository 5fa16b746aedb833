// The fixed cast of the seed: people, inboxes, teams, labels and the text of
// conversations. Only the seed (./seed.ts) reads this.

export const ACCOUNTS = [
  { id: 1, name: "Acme Support" },
  { id: 2, name: "Globex Helpdesk" },
];

/** Users of account 1 (ids 1..5); inboxes they belong to; `admin` marks administrators. */
export const USERS = [
  { id: 1, name: "Amelia Hart", email: "amelia.hart@acme.test", admin: true, inboxes: [1, 2, 3, 4], availability: "online" },
  { id: 2, name: "Ben Ortiz", email: "ben.ortiz@acme.test", admin: false, inboxes: [1, 2], availability: "online" },
  { id: 3, name: "Chloe Nakamura", email: "chloe.nakamura@acme.test", admin: false, inboxes: [1, 3], availability: "busy" },
  { id: 4, name: "Dev Patel", email: "dev.patel@acme.test", admin: false, inboxes: [2, 3, 4], availability: "offline" },
  { id: 5, name: "Elena Rossi", email: "elena.rossi@acme.test", admin: false, inboxes: [4], availability: "online" },
] as const;

/** The one user of account 2 (the default users are not members there). */
export const ACCOUNT2_USER = { id: 6, name: "Greta Lind", email: "greta.lind@globex.test", token: "sim-account2-admin-token" };

export const INBOXES = [
  { id: 1, account_id: 1, name: "Website", channel_type: "Channel::WebWidget" },
  { id: 2, account_id: 1, name: "Support API", channel_type: "Channel::Api" },
  { id: 3, account_id: 1, name: "Support Email", channel_type: "Channel::Email" },
  { id: 4, account_id: 1, name: "WhatsApp", channel_type: "Channel::Whatsapp" },
  { id: 5, account_id: 2, name: "Globex Website", channel_type: "Channel::WebWidget" },
];

export const TEAMS = [
  { id: 1, name: "Billing", description: "Invoices, refunds and plans", members: [2, 3] },
  { id: 2, name: "Technical", description: "Bugs, integrations and outages", members: [4, 5] },
];

export const LABELS = [
  { title: "billing", description: "Invoices and payments", color: "#1f93ff" },
  { title: "bug", description: "Something is broken", color: "#e0364b" },
  { title: "feature-request", description: "Ideas from customers", color: "#44ce4b" },
  { title: "onboarding", description: "New customers getting started", color: "#f5a623" },
  { title: "refund", description: "Money back", color: "#8b572a" },
  { title: "sales", description: "Leads and upgrades", color: "#7b61ff" },
  { title: "urgent-followup", description: "Needs a reply today", color: "#d0021b" },
  { title: "vip", description: "Key accounts", color: "#bd10e0" },
];

export const CUSTOM_ATTRIBUTES = [
  { attribute_key: "order_id", attribute_display_type: "text" },
  { attribute_key: "plan", attribute_display_type: "list" },
  { attribute_key: "amount", attribute_display_type: "number" },
  { attribute_key: "renewal_date", attribute_display_type: "date" },
  { attribute_key: "vip_customer", attribute_display_type: "checkbox" },
] as const;

export const FIRST_NAMES = ["Olivia", "Liam", "Emma", "Noah", "Ava", "Mateo", "Sofia", "Lucas", "Mia", "Arjun", "Yuki", "Fatima", "Jonas", "Ines", "Kwame", "Lena", "Omar", "Priya", "Sven", "Zara", "Hugo", "Nora", "Ravi", "Chen", "Aisha", "Tomasz", "Maya", "Diego", "Hana", "Felix"];
export const LAST_NAMES = ["Smith", "Garcia", "Müller", "Kowalski", "Okafor", "Tanaka", "Silva", "Novak", "Haddad", "Johansson", "Rossi", "Kim", "Dubois", "Singh", "Larsen", "Costa", "Ivanova", "Nguyen", "Brown", "Schmidt"];
export const COMPANIES = ["Initech", "Umbrella Co", "Stark Logistics", "Wayne Foods", "Hooli", "Vandelay Imports", "Soylent Labs", "Tyrell Health"];
export const CITIES = ["Berlin", "Lisbon", "Toronto", "Nairobi", "Osaka", "São Paulo", "Melbourne", "Dublin"];
export const LANGUAGES = ["en", "de", "pt", "fr", "es"];

/** Conversation topics: the customer's opening, the agent's reply, a follow-up, and the labels that fit. */
export const TOPICS = [
  { labels: ["billing", "refund"], subject: "Charged twice", opening: "Hi, I was charged twice for my subscription this month. Can you refund one of the payments?", reply: "Sorry about that! I can see the duplicate charge and have started a refund.", followUp: "Thanks, how long does the refund take?" },
  { labels: ["bug"], subject: "Export fails", opening: "The CSV export has been failing since this morning with an error 500.", reply: "Thanks for reporting this, our engineers are looking into the export issue.", followUp: "Any update on the export bug?" },
  { labels: ["feature-request"], subject: "Dark mode", opening: "Would love a dark mode for the dashboard, my eyes hurt at night.", reply: "Great idea, I have passed it on to the product team.", followUp: "Is dark mode on the roadmap?" },
  { labels: ["onboarding"], subject: "Getting started", opening: "We just signed up. How do I invite the rest of my team?", reply: "Welcome aboard! Go to Settings → Agents and click Add agent.", followUp: "Done, thanks! And how do we set up an inbox?" },
  { labels: ["sales", "vip"], subject: "Enterprise plan", opening: "We are 200 people and would like a quote for the enterprise plan.", reply: "Happy to help, I am setting up a call with our sales team.", followUp: "Tuesday afternoon works for us." },
  { labels: ["urgent-followup", "bug"], subject: "Cannot log in", opening: "None of our agents can log in, we get an invalid session error.", reply: "We are on it, this looks related to the login incident on our status page.", followUp: "Still cannot log in, this is urgent." },
  { labels: ["billing"], subject: "Invoice address", opening: "Please change the address on our invoices to our new office.", reply: "Done, the next invoice will show the new address.", followUp: "Could you also resend last month's invoice?" },
  { labels: [], subject: "Order status", opening: "Where is my order? It was supposed to arrive yesterday.", reply: "Let me check with the courier for you.", followUp: "The tracking page still shows nothing." },
  { labels: ["refund"], subject: "Cancel and refund", opening: "I want to cancel my annual plan and get a refund for the unused months.", reply: "I have cancelled the plan; the pro-rated refund is on its way.", followUp: "Received it, thank you!" },
  { labels: ["vip"], subject: "Account review", opening: "Can we schedule our quarterly account review?", reply: "Of course, sending you a calendar invite now.", followUp: "Invite accepted." },
];

export const PRIVATE_NOTES = ["Customer is on the legacy plan, check before promising anything.", "Escalated to engineering, ticket ENG-{n}.", "Spoke to them on the phone, they are happy with the workaround.", "Waiting on finance for the refund approval."];
