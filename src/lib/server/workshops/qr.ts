import QRCode from 'qrcode';

/** The join link as an SVG QR code, generated on the server (no client script, prints sharp). */
export async function qrSvg(text: string): Promise<string> {
	return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
}

/** The public address of a workshop's join page. */
export function joinUrl(origin: string, code: string): string {
	return `${origin}/w/${code}`;
}
