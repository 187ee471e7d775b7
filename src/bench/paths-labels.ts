// A hand-labelled set of career moves for the paths benchmark, written before the reskilling model was built
// (issue 11), from what a careers counsellor knows of these jobs. Its results were looked at while both rounds
// were built, so it is no longer held out: paths-heldout.ts is. It measures plausibility, not the safety or pay
// rules: a sensible move may still be left out for being riskier or paying less.
//
// - sensible: a direct move a counsellor would sign (it may take an education step or some training);
// - long-range: sensible only after a professional degree, graduate degree or licence the origin lacks, so it
//   must never be a plain move;
// - absurd: nothing to build on; never proposed, plain or long-range.

export type MoveLabel = 'sensible' | 'long-range' | 'absurd';

export interface LabelledMove {
  from: string;
  to: string;
  label: MoveLabel;
}

const moves = (from: string, list: [string, MoveLabel][]): LabelledMove[] =>
  list.map(([to, label]) => ({ from, to, label }));

/** SOC codes as in the loaded datasets (2018 SOC). */
export const LABELLED_MOVES: LabelledMove[] = [
  // Accountants and Auditors
  ...moves('13-2011', [
    ['13-2031', 'sensible'], // Budget Analysts
    ['13-2061', 'sensible'], // Financial Examiners
    ['13-2041', 'sensible'], // Credit Analysts
    ['11-3031', 'sensible'], // Financial Managers
    ['13-2081', 'sensible'], // Tax Examiners and Collectors, and Revenue Agents
    ['17-2121', 'absurd'], // Marine Engineers and Naval Architects
    ['17-2021', 'absurd'], // Agricultural Engineers
    ['17-1011', 'absurd'], // Architects
    ['23-1011', 'long-range'], // Lawyers
  ]),
  // Bookkeeping, Accounting, and Auditing Clerks
  ...moves('43-3031', [
    ['43-3051', 'sensible'], // Payroll and Timekeeping Clerks
    ['43-3021', 'sensible'], // Billing and Posting Clerks
    ['13-2082', 'sensible'], // Tax Preparers
    ['13-2011', 'sensible'], // Accountants and Auditors (an education step)
    ['47-2044', 'absurd'], // Tile and Stone Setters
    ['51-9071', 'absurd'], // Jewelers
  ]),
  // Judges, Magistrate Judges, and Magistrates
  ...moves('23-1023', [
    ['23-1022', 'sensible'], // Arbitrators, Mediators, and Conciliators
    ['23-1021', 'sensible'], // Administrative Law Judges
    ['29-1021', 'absurd'], // Dentists
    ['29-1041', 'absurd'], // Optometrists
    ['29-1151', 'absurd'], // Nurse Anesthetists
  ]),
  // Chemists
  ...moves('19-2031', [
    ['19-2032', 'sensible'], // Materials Scientists
    ['17-2041', 'sensible'], // Chemical Engineers
    ['19-1012', 'sensible'], // Food Scientists and Technologists
    ['19-2041', 'sensible'], // Environmental Scientists and Specialists
    ['29-1041', 'long-range'], // Optometrists
    ['29-1071', 'long-range'], // Physician Assistants
  ]),
  // Medical Records Specialists
  ...moves('29-2072', [
    ['29-9021', 'sensible'], // Health Information Technologists and Medical Registrars
    ['43-6013', 'sensible'], // Medical Secretaries and Administrative Assistants
    ['29-1141', 'long-range'], // Registered Nurses
    ['47-2031', 'absurd'], // Carpenters
  ]),
  // Software Developers
  ...moves('15-1252', [
    ['15-1253', 'sensible'], // Software Quality Assurance Analysts and Testers
    ['15-1211', 'sensible'], // Computer Systems Analysts
    ['15-2051', 'sensible'], // Data Scientists
    ['29-1123', 'absurd'], // Physical Therapists
  ]),
  // Registered Nurses
  ...moves('29-1141', [
    ['29-1171', 'long-range'], // Nurse Practitioners
    ['11-9111', 'sensible'], // Medical and Health Services Managers
    ['25-1072', 'long-range'], // Nursing Instructors and Teachers, Postsecondary
    ['53-3032', 'absurd'], // Heavy and Tractor-Trailer Truck Drivers
  ]),
  // Customer Service Representatives
  ...moves('43-4051', [
    ['41-3021', 'sensible'], // Insurance Sales Agents
    ['43-4131', 'sensible'], // Loan Interviewers and Clerks
    ['43-4161', 'sensible'], // Human Resources Assistants
    ['29-1021', 'absurd'], // Dentists
    ['17-2071', 'absurd'], // Electrical Engineers
  ]),
  // Paralegals and Legal Assistants
  ...moves('23-2011', [
    ['23-1011', 'long-range'], // Lawyers
    ['43-6012', 'sensible'], // Legal Secretaries and Administrative Assistants
    ['23-2093', 'sensible'], // Title Examiners, Abstractors, and Searchers
    ['13-1041', 'sensible'], // Compliance Officers
    ['47-2111', 'absurd'], // Electricians
  ]),
  // Heavy and Tractor-Trailer Truck Drivers
  ...moves('53-3032', [
    ['53-3052', 'sensible'], // Bus Drivers, Transit and Intercity
    ['53-7051', 'sensible'], // Industrial Truck and Tractor Operators
    ['47-2073', 'sensible'], // Operating Engineers and Other Construction Equipment Operators
    ['13-2011', 'absurd'], // Accountants and Auditors
    ['23-1011', 'absurd'], // Lawyers
  ]),
  // Cashiers
  ...moves('41-2011', [
    ['41-2031', 'sensible'], // Retail Salespersons
    ['41-2021', 'sensible'], // Counter and Rental Clerks
    ['43-3071', 'sensible'], // Tellers
    ['29-1051', 'absurd'], // Pharmacists
  ]),
  // Graphic Designers
  ...moves('27-1024', [
    ['27-1011', 'sensible'], // Art Directors
    ['15-1255', 'sensible'], // Web and Digital Interface Designers
    ['27-1014', 'sensible'], // Special Effects Artists and Animators
    ['29-1131', 'absurd'], // Veterinarians
  ]),
  // Electricians
  ...moves('47-2111', [
    ['49-2095', 'sensible'], // Electrical and Electronics Repairers, Powerhouse, Substation, and Relay
    ['49-9051', 'sensible'], // Electrical Power-Line Installers and Repairers
    ['47-4011', 'sensible'], // Construction and Building Inspectors
    ['49-2098', 'sensible'], // Security and Fire Alarm Systems Installers
    ['27-2012', 'absurd'], // Producers and Directors
  ]),
  // Secretaries and Administrative Assistants, Except Legal, Medical, and Executive
  ...moves('43-6014', [
    ['43-6011', 'sensible'], // Executive Secretaries and Executive Administrative Assistants
    ['43-4171', 'sensible'], // Receptionists and Information Clerks
    ['43-9061', 'sensible'], // Office Clerks, General
    ['43-6013', 'sensible'], // Medical Secretaries and Administrative Assistants
    ['17-2161', 'absurd'], // Nuclear Engineers
  ]),
  // Police and Sheriff's Patrol Officers
  ...moves('33-3051', [
    ['33-3021', 'sensible'], // Detectives and Criminal Investigators
    ['33-9021', 'sensible'], // Private Detectives and Investigators
    ['33-2011', 'sensible'], // Firefighters
    ['29-1215', 'absurd'], // Family Medicine Physicians
  ]),
  // Cooks, Restaurant
  ...moves('35-2014', [
    ['35-1011', 'sensible'], // Chefs and Head Cooks
    ['51-3011', 'sensible'], // Bakers
    ['35-1012', 'sensible'], // First-Line Supervisors of Food Preparation and Serving Workers
    ['15-1251', 'absurd'], // Computer Programmers
  ]),
  // Elementary School Teachers, Except Special Education
  ...moves('25-2021', [
    ['25-2052', 'sensible'], // Special Education Teachers, Kindergarten and Elementary School
    ['25-3041', 'sensible'], // Tutors
    ['21-1012', 'long-range'], // Educational, Guidance, and Career Counselors and Advisors
    ['53-2011', 'absurd'], // Airline Pilots, Copilots, and Flight Engineers
  ]),
  // Insurance Claims and Policy Processing Clerks
  ...moves('43-9041', [
    ['13-1031', 'sensible'], // Claims Adjusters, Examiners, and Investigators
    ['13-2053', 'sensible'], // Insurance Underwriters
    ['41-3021', 'sensible'], // Insurance Sales Agents
    ['47-2152', 'absurd'], // Plumbers, Pipefitters, and Steamfitters
  ]),
  // Data Entry Keyers
  ...moves('43-9021', [
    ['43-9061', 'sensible'], // Office Clerks, General
    ['43-4071', 'sensible'], // File Clerks
    ['29-1127', 'absurd'], // Speech-Language Pathologists
  ]),
  // Market Research Analysts and Marketing Specialists
  ...moves('13-1161', [
    ['15-2051', 'sensible'], // Data Scientists
    ['11-2021', 'sensible'], // Marketing Managers
    ['19-3022', 'sensible'], // Survey Researchers
    ['29-1081', 'absurd'], // Podiatrists
  ]),
  // Machinists
  ...moves('51-4041', [
    ['51-4111', 'sensible'], // Tool and Die Makers
    ['51-9162', 'sensible'], // Computer Numerically Controlled Tool Programmers
    ['49-9041', 'sensible'], // Industrial Machinery Mechanics
    ['13-2052', 'absurd'], // Personal Financial Advisors
  ]),
  // Retail Salespersons
  ...moves('41-2031', [
    ['41-1011', 'sensible'], // First-Line Supervisors of Retail Sales Workers
    ['41-4012', 'sensible'], // Sales Representatives, Wholesale and Manufacturing
    ['41-9022', 'sensible'], // Real Estate Sales Agents
    ['17-2011', 'absurd'], // Aerospace Engineers
  ]),
  // Tellers
  ...moves('43-3071', [
    ['43-4141', 'sensible'], // New Accounts Clerks
    ['43-4131', 'sensible'], // Loan Interviewers and Clerks
    ['13-2072', 'sensible'], // Loan Officers
    ['47-5071', 'absurd'], // Roustabouts, Oil and Gas
  ]),
  // Loan Officers
  ...moves('13-2072', [
    ['13-2041', 'sensible'], // Credit Analysts
    ['13-2052', 'sensible'], // Personal Financial Advisors
    ['41-3031', 'sensible'], // Securities, Commodities, and Financial Services Sales Agents
  ]),
  // Proofreaders and Copy Markers
  ...moves('43-9081', [
    ['27-3041', 'sensible'], // Editors
    ['27-3042', 'sensible'], // Technical Writers
    ['29-2034', 'absurd'], // Radiologic Technologists and Technicians
  ]),
  // Interpreters and Translators
  ...moves('27-3091', [
    ['25-1124', 'long-range'], // Foreign Language and Literature Teachers, Postsecondary
    ['25-3011', 'sensible'], // Adult Basic Education, Adult Secondary Education, and ESL Instructors
    ['51-4121', 'absurd'], // Welders, Cutters, Solderers, and Brazers
  ]),
];
