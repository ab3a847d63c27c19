import type { NcmecFileDetails, NcmecReport } from '../src/core/ncmec-report.js'

/** The report test/golden/ncmec-report.xml is written from. */
export function exampleNcmecReport(): NcmecReport {
  return {
    incidentSummary: {
      incidentType: 'Child Pornography (possession, manufacture, and distribution)',
      platform: 'Example Chat',
      escalateToHighPriority: 'The user says they will meet the child tomorrow',
      reportAnnotations: { sextortion: true, minorToMinorInteraction: true, spam: false },
      incidentDateTime: '2026-03-01T10:15:00Z',
    },
    internetDetails: [
      { webPageIncident: { url: ['https://example.test/p/123'] } },
      { chatImIncident: { chatClient: 'Example Chat', chatRoomName: 'Room 7', content: 'u1: hi' } },
    ],
    reporter: {
      reportingPerson: { firstName: 'Sam', lastName: 'Reviewer', email: ['trust@example.test'] },
      companyTemplate: 'Serve legal process on Example Ltd.',
      termsOfService: 'No sexual content involving minors.',
      legalURL: 'https://example.test/legal',
    },
    personOrUserReported: {
      // @NOTE Keys deliberately out of the XSD's order: the builder must not depend on it.
      accountPermanentlyDisabled: { disabled: true, disabledDate: '2026-03-02T08:00:00Z' },
      accountTemporarilyDisabled: {
        disabled: true,
        disabledDate: '2026-03-01T10:20:00Z',
        userNotified: false,
      },
      priorCTReports: ['1234567'],
      ipCaptureEvent: [
        {
          port: 443,
          possibleProxy: false,
          dateTime: '2026-03-01T09:00:00Z',
          eventName: 'Login',
          ipAddress: '203.0.113.9',
        },
      ],
      profileUrl: ['https://example.test/u/42'],
      displayName: ['Bad Actor', 'BA'],
      screenName: 'bad_actor',
      espIdentifier: 'user-42',
    },
    additionalInfo: 'Found by a hash match and confirmed by a reviewer.',
  }
}

export function exampleFileDetails(name: string, md5: string): NcmecFileDetails {
  return {
    originalFileName: name,
    uploadedToEspTimestamp: '2026-03-01T10:00:00Z',
    locationOfFile: `https://cdn.example.test/${encodeURIComponent(name)}`,
    fileViewedByEsp: true,
    publiclyAvailable: false,
    fileAnnotations: { generativeAi: true },
    industryClassification: 'A1',
    originalFileHash: [{ hashType: 'MD5', value: md5 }],
    ipCaptureEvent: { ipAddress: '2001:db8::7', eventName: 'Upload' },
  }
}
