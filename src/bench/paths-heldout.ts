// A second hand-labelled set of career moves, held out from tuning (issue 11, second round). Written from what a
// careers counsellor knows of these jobs, before any rule of the second round was changed and without looking at
// what the model proposes for these origins; committed before the tuning began. The first set (paths-labels.ts)
// was looked at while the first round was built, so it no longer measures what tuning did not see.
//
// Labels, as in the first set, except that long-range now also covers a second apprenticeship:
// - sensible: a direct move a counsellor would sign (it may take a course, some training or one education step);
// - long-range: sensible only after a degree, a licence or an apprenticeship the origin lacks; never a plain move;
// - absurd: nothing to build on; never proposed, plain or long-range.
import type { LabelledMove, MoveLabel } from './paths-labels.js';

const moves = (from: string, list: [string, MoveLabel][]): LabelledMove[] =>
  list.map(([to, label]) => ({ from, to, label }));

/** SOC codes as in the loaded datasets (2018 SOC). */
export const HELD_OUT_MOVES: LabelledMove[] = [
  // Dental Assistants
  ...moves('31-9091', [
    ['29-1292', 'long-range'], // Dental Hygienists: an associate degree and a state licence
    ['31-9092', 'sensible'], // Medical Assistants
    ['43-6013', 'sensible'], // Medical Secretaries and Administrative Assistants
    ['17-2141', 'absurd'], // Mechanical Engineers
  ]),
  // Pharmacy Technicians
  ...moves('29-2052', [
    ['29-1051', 'long-range'], // Pharmacists: a Pharm.D. and a licence
    ['29-2072', 'sensible'], // Medical Records Specialists
    ['29-2012', 'sensible'], // Medical and Clinical Laboratory Technicians
    ['47-2181', 'absurd'], // Roofers
  ]),
  // Licensed Practical and Licensed Vocational Nurses
  ...moves('29-2061', [
    ['29-1141', 'long-range'], // Registered Nurses: an ADN or BSN and the NCLEX-RN
    ['29-2053', 'sensible'], // Psychiatric Technicians
    ['21-1094', 'sensible'], // Community Health Workers
    ['15-1252', 'absurd'], // Software Developers
  ]),
  // Carpenters
  ...moves('47-2031', [
    ['47-1011', 'sensible'], // First-Line Supervisors of Construction Trades and Extraction Workers
    ['47-4011', 'sensible'], // Construction and Building Inspectors
    ['51-7011', 'sensible'], // Cabinetmakers and Bench Carpenters
    ['47-2111', 'long-range'], // Electricians: a second apprenticeship and a licence
    ['29-1123', 'absurd'], // Physical Therapists
    ['23-1011', 'absurd'], // Lawyers
  ]),
  // Heating, Air Conditioning, and Refrigeration Mechanics and Installers
  ...moves('49-9021', [
    ['49-9071', 'sensible'], // Maintenance and Repair Workers, General
    ['51-8021', 'sensible'], // Stationary Engineers and Boiler Operators
    ['27-2042', 'absurd'], // Musicians and Singers
  ]),
  // Welders, Cutters, Solderers, and Brazers
  ...moves('51-4121', [
    ['51-2041', 'sensible'], // Structural Metal Fabricators and Fitters
    ['51-9061', 'sensible'], // Inspectors, Testers, Sorters, Samplers, and Weighers
    ['13-2052', 'absurd'], // Personal Financial Advisors
  ]),
  // Receptionists and Information Clerks
  ...moves('43-4171', [
    ['43-6014', 'sensible'], // Secretaries and Administrative Assistants
    ['43-4081', 'sensible'], // Hotel, Motel, and Resort Desk Clerks
    ['43-6013', 'sensible'], // Medical Secretaries and Administrative Assistants
    ['17-2011', 'absurd'], // Aerospace Engineers
  ]),
  // Waiters and Waitresses
  ...moves('35-3031', [
    ['35-3011', 'sensible'], // Bartenders
    ['35-1012', 'sensible'], // First-Line Supervisors of Food Preparation and Serving Workers
    ['41-2031', 'sensible'], // Retail Salespersons
    ['29-1021', 'absurd'], // Dentists, General
    ['17-2071', 'absurd'], // Electrical Engineers
  ]),
  // Human Resources Specialists
  ...moves('13-1071', [
    ['13-1141', 'sensible'], // Compensation, Benefits, and Job Analysis Specialists
    ['13-1151', 'sensible'], // Training and Development Specialists
    ['13-1075', 'sensible'], // Labor Relations Specialists
    ['21-1014', 'long-range'], // Mental Health Counselors: a master's degree and a licence
    ['49-3011', 'absurd'], // Aircraft Mechanics and Service Technicians
  ]),
  // News Analysts, Reporters, and Journalists
  ...moves('27-3023', [
    ['27-3031', 'sensible'], // Public Relations Specialists
    ['27-3041', 'sensible'], // Editors
    ['27-3042', 'sensible'], // Technical Writers
    ['29-1131', 'absurd'], // Veterinarians
  ]),
  // Light Truck Drivers
  ...moves('53-3033', [
    ['53-3032', 'sensible'], // Heavy and Tractor-Trailer Truck Drivers (a CDL course)
    ['43-5021', 'sensible'], // Couriers and Messengers
    ['53-3031', 'sensible'], // Driver/Sales Workers
    ['25-2021', 'absurd'], // Elementary School Teachers
  ]),
  // Security Guards
  ...moves('33-9032', [
    ['33-9021', 'sensible'], // Private Detectives and Investigators
    ['33-9093', 'sensible'], // Transportation Security Screeners
    ['33-1091', 'sensible'], // First-Line Supervisors of Security Workers
    ['15-2011', 'absurd'], // Actuaries
  ]),
  // Middle School Teachers
  ...moves('25-2022', [
    ['25-2031', 'sensible'], // Secondary School Teachers
    ['13-1151', 'sensible'], // Training and Development Specialists
    ['25-3041', 'sensible'], // Tutors
    ['29-1127', 'long-range'], // Speech-Language Pathologists: a master's degree and a licence
    ['53-2021', 'absurd'], // Air Traffic Controllers
  ]),
  // Financial and Investment Analysts
  ...moves('13-2051', [
    ['13-2054', 'sensible'], // Financial Risk Specialists
    ['13-2031', 'sensible'], // Budget Analysts
    ['13-2052', 'sensible'], // Personal Financial Advisors
    ['29-1215', 'absurd'], // Family Medicine Physicians
    ['47-2181', 'absurd'], // Roofers
  ]),
  // Web Developers
  ...moves('15-1254', [
    ['15-1255', 'sensible'], // Web and Digital Interface Designers
    ['15-1252', 'sensible'], // Software Developers
    ['15-1253', 'sensible'], // Software Quality Assurance Analysts and Testers
    ['35-2014', 'absurd'], // Cooks, Restaurant
  ]),
  // Physical Therapist Assistants
  ...moves('31-2021', [
    ['29-1123', 'long-range'], // Physical Therapists: a DPT and a licence
    ['31-2011', 'long-range'], // Occupational Therapy Assistants: another accredited degree and licence
    ['17-2051', 'absurd'], // Civil Engineers
  ]),
  // Insurance Sales Agents
  ...moves('41-3021', [
    ['13-2053', 'sensible'], // Insurance Underwriters
    ['13-1031', 'sensible'], // Claims Adjusters, Examiners, and Investigators
    ['41-3031', 'sensible'], // Securities, Commodities, and Financial Services Sales Agents
    ['29-1292', 'absurd'], // Dental Hygienists
  ]),
  // Construction Laborers
  ...moves('47-2061', [
    ['47-2073', 'sensible'], // Operating Engineers and Other Construction Equipment Operators
    ['47-2051', 'sensible'], // Cement Masons and Concrete Finishers
    ['47-4051', 'sensible'], // Highway Maintenance Workers
    ['47-2111', 'long-range'], // Electricians: an apprenticeship and a licence
    ['47-2152', 'long-range'], // Plumbers, Pipefitters, and Steamfitters: an apprenticeship and a licence
    ['13-2011', 'absurd'], // Accountants and Auditors
    ['27-1024', 'absurd'], // Graphic Designers
  ]),
  // Food Preparation Workers
  ...moves('35-2021', [
    ['35-2014', 'sensible'], // Cooks, Restaurant
    ['51-3011', 'sensible'], // Bakers
    ['51-3021', 'sensible'], // Butchers and Meat Cutters
    ['15-1212', 'absurd'], // Information Security Analysts
  ]),
  // Civil Engineering Technologists and Technicians
  ...moves('17-3022', [
    ['17-3011', 'sensible'], // Architectural and Civil Drafters
    ['47-4011', 'sensible'], // Construction and Building Inspectors
    ['17-2051', 'long-range'], // Civil Engineers: an engineering bachelor's degree, then the PE licence
    ['17-1022', 'long-range'], // Surveyors: a bachelor's degree and a licence
    ['39-5012', 'absurd'], // Hairdressers, Hairstylists, and Cosmetologists
  ]),
  // Childcare Workers
  ...moves('39-9011', [
    ['25-2011', 'sensible'], // Preschool Teachers
    ['25-9042', 'sensible'], // Teaching Assistants
    ['29-1141', 'long-range'], // Registered Nurses
    ['51-4041', 'absurd'], // Machinists
  ]),
  // Photographers
  ...moves('27-4021', [
    ['27-4031', 'sensible'], // Camera Operators, Television, Video, and Film
    ['27-4032', 'sensible'], // Film and Video Editors
    ['27-1024', 'sensible'], // Graphic Designers
    ['29-2034', 'absurd'], // Radiologic Technologists and Technicians
    ['53-2011', 'absurd'], // Airline Pilots, Copilots, and Flight Engineers
  ]),
  // Firefighters
  ...moves('33-2011', [
    ['33-2021', 'sensible'], // Fire Inspectors and Investigators
    ['13-2011', 'absurd'], // Accountants and Auditors
  ]),
  // First-Line Supervisors of Retail Sales Workers
  ...moves('41-1011', [
    ['11-2022', 'sensible'], // Sales Managers
    ['13-1022', 'sensible'], // Wholesale and Retail Buyers
    ['11-9051', 'sensible'], // Food Service Managers
    ['29-1051', 'absurd'], // Pharmacists
  ]),
  // Mechanical Engineers
  ...moves('17-2141', [
    ['17-2011', 'sensible'], // Aerospace Engineers
    ['17-2112', 'sensible'], // Industrial Engineers
    ['41-9031', 'sensible'], // Sales Engineers
    ['29-1021', 'absurd'], // Dentists, General
    ['39-5012', 'absurd'], // Hairdressers, Hairstylists, and Cosmetologists
  ]),
  // Fine Artists, Including Painters, Sculptors, and Illustrators
  ...moves('27-1013', [
    ['27-1012', 'sensible'], // Craft Artists
    ['27-1024', 'sensible'], // Graphic Designers
    ['27-1014', 'sensible'], // Special Effects Artists and Animators
    ['27-2031', 'absurd'], // Dancers: they share Fine Arts knowledge, not the craft
    ['27-2011', 'absurd'], // Actors
  ]),
  // Musicians and Singers
  ...moves('27-2042', [
    ['27-2041', 'sensible'], // Music Directors and Composers
    ['25-3021', 'sensible'], // Self-Enrichment Teachers (music lessons)
    ['27-4014', 'sensible'], // Sound Engineering Technicians
    ['27-1013', 'absurd'], // Fine Artists
    ['39-5091', 'absurd'], // Makeup Artists, Theatrical and Performance
  ]),
  // Office Clerks, General
  ...moves('43-9061', [
    ['43-3031', 'sensible'], // Bookkeeping, Accounting, and Auditing Clerks
    ['43-4171', 'sensible'], // Receptionists and Information Clerks
    ['43-6014', 'sensible'], // Secretaries and Administrative Assistants
    ['51-3023', 'absurd'], // Slaughterers and Meat Packers
    ['47-2061', 'absurd'], // Construction Laborers
  ]),
];
