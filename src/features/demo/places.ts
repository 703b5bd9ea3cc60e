/** Provinces and municipalities the demo office serves, with approximate town-centre coordinates. */
export const DEMO_REGION = { name: 'Bangsamoro Autonomous Region in Muslim Mindanao', code: 'BARMM', lat: 7.2047, lon: 124.2310 };

export const DEMO_PROVINCES: { name: string; lat: number; lon: number; municipalities: [string, number, number][] }[] = [
  { name: 'Maguindanao del Norte', lat: 7.22, lon: 124.25, municipalities: [['Datu Odin Sinsuat', 7.17, 124.18], ['Sultan Kudarat', 7.25, 124.27], ['Parang', 7.37, 124.27], ['Upi', 7.01, 124.17]] },
  { name: 'Maguindanao del Sur', lat: 6.93, lon: 124.45, municipalities: [['Buluan', 6.72, 124.79], ['Datu Piang', 7.02, 124.50], ['Shariff Aguak', 6.86, 124.44], ['Ampatuan', 6.83, 124.46]] },
  { name: 'Lanao del Sur', lat: 7.82, lon: 124.43, municipalities: [['Marawi City', 8.00, 124.29], ['Balindong', 7.92, 124.20], ['Wao', 7.64, 124.73], ['Malabang', 7.59, 124.07]] },
  { name: 'Basilan', lat: 6.55, lon: 122.02, municipalities: [['Isabela City', 6.70, 121.97], ['Lamitan', 6.65, 122.13], ['Maluso', 6.55, 121.88]] },
  { name: 'Sulu', lat: 6.05, lon: 121.00, municipalities: [['Jolo', 6.05, 121.00], ['Patikul', 6.07, 121.10], ['Indanan', 6.00, 120.97]] },
  { name: 'Tawi-Tawi', lat: 5.13, lon: 119.95, municipalities: [['Bongao', 5.03, 119.77], ['Sitangkai', 4.66, 119.39], ['Simunul', 4.90, 119.82]] },
];

export const BARANGAY_NAMES = ['Poblacion', 'Tamontaka', 'Kalanganan', 'Linek', 'Bagumbayan', 'Tapian', 'Dinaig', 'Kusiong', 'Badak', 'Tambak', 'Limpongo', 'Bugasan'];

export const UNITS = ['Coordination Division', 'MANA Unit', 'Policy and Planning Division', 'Administrative Division', 'Community Affairs Division', 'Field Office North', 'Field Office South'];

export const FIRST_NAMES = ['Norhaida', 'Abdul', 'Maria', 'Jamal', 'Fatima', 'Jose', 'Aisah', 'Rashid', 'Liza', 'Bai', 'Datu', 'Sittie', 'Mohammad', 'Ana', 'Khalid', 'Rowena', 'Amina', 'Ramon', 'Zainab', 'Nasser'];
export const LAST_NAMES = ['Usman', 'Ampatuan', 'Santos', 'Mangudadatu', 'Dimaporo', 'Reyes', 'Macarambon', 'Abubakar', 'Lucman', 'Cruz', 'Sinsuat', 'Tomawis', 'Alonto', 'Garcia', 'Pendatun', 'Hassan'];
